package io.github.dbtestkit.schema.internal.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;

/**
 * A thin layer over the JDK's {@link XMLStreamWriter}: the writer escapes markup, this class adds what it leaves to
 * the caller, namely dropping characters XML 1.0 cannot hold at all, and indentation.
 */
final class XmlOutput {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter buffer = new StringWriter();
    private final XMLStreamWriter writer;
    private int depth;

    XmlOutput() {
        try {
            writer = FACTORY.createXMLStreamWriter(buffer);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The JDK's XML writer is not available", e);
        }
    }

    XMLStreamWriter writer() {
        return writer;
    }

    /** Starts an element on a new, indented line. */
    XmlOutput start(String name) throws XMLStreamException {
        newline();
        writer.writeStartElement(name);
        depth++;
        return this;
    }

    /** An element without content or end tag ({@code <meta .../>}); add attributes right after. */
    XmlOutput empty(String name) throws XMLStreamException {
        newline();
        writer.writeEmptyElement(name);
        return this;
    }

    /** Ends the current element; on a new line when {@code ownLine} (it held child elements). */
    XmlOutput end(boolean ownLine) throws XMLStreamException {
        depth--;
        if (ownLine) {
            newline();
        }
        writer.writeEndElement();
        return this;
    }

    /** An element holding only text, on its own line. */
    XmlOutput element(String name, String text) throws XMLStreamException {
        start(name);
        text(text);
        return end(false);
    }

    XmlOutput attribute(String name, String value) throws XMLStreamException {
        writer.writeAttribute(name, clean(value));
        return this;
    }

    XmlOutput text(String text) throws XMLStreamException {
        writer.writeCharacters(clean(text));
        return this;
    }

    String finish() throws XMLStreamException {
        writer.writeCharacters("\n");
        writer.writeEndDocument();
        writer.close();
        return buffer.toString();
    }

    private void newline() throws XMLStreamException {
        writer.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Replaces what XML 1.0 forbids (most control characters, lone surrogates) with U+FFFD. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
            out.appendCodePoint(allowed ? cp : 0xFFFD);
        });
        return out.toString();
    }
}
