package io.github.dbtestkit.core.internal.hibernate;

import io.github.dbtestkit.core.ProvisioningException;
import org.apiguardian.api.API;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One {@code <persistence-unit>} of the class path's {@code META-INF/persistence.xml} files, as a Jakarta EE or plain
 * Hibernate application declares it: its listed entity classes and its properties. The properties that say which
 * database to use or what to do to its schema are left out, since dbtestkit provides the database and builds the
 * schema itself.
 *
 * <pre>{@code
 * PersistenceUnit shop = PersistenceUnit.find(loader, "shop");
 * List<Class<?>> entities = shop.loadClasses(loader);
 * }</pre>
 *
 * @param name       the unit's name
 * @param source     the file it was read from, for messages
 * @param classes    the {@code <class>} entries, in file order
 * @param properties the {@code <properties>}, connection and schema-generation settings left out
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record PersistenceUnit(String name, String source, List<String> classes, HibernateProperties properties) {

    static final String FILE = "META-INF/persistence.xml";

    /** Keys that name the database or act on its schema: dbtestkit decides those. */
    private static final Set<String> DATABASE_KEYS = Set.of("jakarta.persistence.jdbc.url",
            "jakarta.persistence.jdbc.user", "jakarta.persistence.jdbc.password", "jakarta.persistence.jdbc.driver",
            "javax.persistence.jdbc.url", "javax.persistence.jdbc.user", "javax.persistence.jdbc.password",
            "javax.persistence.jdbc.driver", "jakarta.persistence.jtaDataSource",
            "jakarta.persistence.nonJtaDataSource", "hibernate.hbm2ddl.auto", "hibernate.dialect");

    /** Copies the list. */
    public PersistenceUnit {
        classes = List.copyOf(classes);
    }

    /**
     * The unit of that name in any {@code META-INF/persistence.xml} on the class path.
     *
     * @throws ProvisioningException when there is no such file, no such unit (the units found are named), or a file
     *                               cannot be parsed (the file is named)
     */
    public static PersistenceUnit find(ClassLoader loader, String name) {
        List<String> seen = new ArrayList<>();
        Enumeration<URL> files;
        try {
            files = loader.getResources(FILE);
        } catch (IOException e) {
            throw new ProvisioningException("Cannot look for " + FILE + " on the class path: " + e.getMessage(), e);
        }
        boolean anyFile = false;
        for (URL file : Collections.list(files)) {
            anyFile = true;
            Document document = parse(file);
            NodeList units = document.getElementsByTagNameNS("*", "persistence-unit");
            for (int i = 0; i < units.getLength(); i++) {
                Element unit = (Element) units.item(i);
                String unitName = unit.getAttribute("name");
                if (unitName.equals(name)) {
                    return of(unit, file.toString());
                }
                seen.add(unitName);
            }
        }
        if (!anyFile) {
            throw new ProvisioningException("Persistence unit '" + name + "' was asked for, but there is no " + FILE
                    + " on the test class path: add one (src/test/resources/" + FILE + " or the application's), or"
                    + " list the entities with entities = {...}.");
        }
        throw new ProvisioningException("No persistence unit '" + name + "' in the " + FILE + " files on the class path;"
                + " the units there are " + seen + ": use one of those names.");
    }

    /**
     * Loads the listed classes.
     *
     * @throws ProvisioningException naming the class and the unit when one is not on the class path
     */
    public List<Class<?>> loadClasses(ClassLoader loader) {
        List<Class<?>> loaded = new ArrayList<>();
        for (String className : classes) {
            try {
                loaded.add(Class.forName(className, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ProvisioningException("Class " + className + " of persistence unit '" + name + "' (" + source
                        + ") cannot be loaded: " + e + ". Check the <class> entry and the test class path.", e);
            }
        }
        return loaded;
    }

    private static PersistenceUnit of(Element unit, String source) {
        List<String> classes = new ArrayList<>();
        NodeList entries = unit.getElementsByTagNameNS("*", "class");
        for (int i = 0; i < entries.getLength(); i++) {
            String text = entries.item(i).getTextContent().strip();
            if (!text.isEmpty()) {
                classes.add(text);
            }
        }
        Map<String, Object> properties = new TreeMap<>();
        NodeList entriesOfProperties = unit.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < entriesOfProperties.getLength(); i++) {
            Node node = entriesOfProperties.item(i);
            Element property = (Element) node;
            String key = property.getAttribute("name").strip();
            if (!key.isEmpty() && !decidedByDbtestkit(key)) {
                properties.put(key, property.getAttribute("value").strip());
            }
        }
        return new PersistenceUnit(unit.getAttribute("name"), source, classes,
                new HibernateProperties(properties).checked("persistence unit '" + unit.getAttribute("name") + "' (" + source + ")"));
    }

    private static boolean decidedByDbtestkit(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return DATABASE_KEYS.contains(key) || lower.startsWith("hibernate.connection.")
                || lower.startsWith("jakarta.persistence.schema-generation.")
                || lower.startsWith("javax.persistence.schema-generation.");
    }

    private static Document parse(URL file) {
        try (InputStream in = file.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(in, file.toString());
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new ProvisioningException("Cannot read " + file + ": " + e.getMessage()
                    + " — check that it is a well-formed persistence.xml.", e);
        }
    }
}
