package io.github.dbtestkit.internal.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The report page parsed with the JDK's XML parser (it is well-formed XHTML), queried with XPath. */
final class Xhtml {

    private final Document document;

    private Xhtml(Document document) {
        this.document = document;
    }

    static Xhtml parse(String html) throws Exception {
        return new Xhtml(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8))));
    }

    List<Element> all(String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    String text(String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, document).strip();
    }
}
