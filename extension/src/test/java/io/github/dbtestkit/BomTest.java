package io.github.dbtestkit;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbtestkit-bom has no parent (so the build's test libraries do not leak into users' builds), hence its versions are
 * written out: they must be the ones this build compiles and tests with, from dbtestkit-parent's properties.
 */
class BomTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    record Managed(String groupId, String artifactId, String version, String scope) {
        String key() {
            return groupId + ":" + artifactId;
        }
    }

    @Test
    void theBomHasNoParentAndTheProjectsVersion() throws Exception {
        Document bom = read(ROOT.resolve("bom/pom.xml"));
        Document parent = read(ROOT.resolve("pom.xml"));

        assertThat(child(bom.getDocumentElement(), "parent")).isNull();
        assertThat(text(bom.getDocumentElement(), "artifactId")).isEqualTo("dbtestkit-bom");
        assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(text(parent.getDocumentElement(), "version"));
        assertThat(modules(parent)).contains("bom");
    }

    @Test
    void theBomListsThePublishedModules() throws Exception {
        List<String> listed = managed(read(ROOT.resolve("bom/pom.xml"))).stream()
                .filter(entry -> entry.groupId().equals("io.github.dbtestkit")).map(Managed::artifactId).toList();

        assertThat(listed).containsExactly("dbtestkit-core", "dbtestkit-schema-validation", "dbtestkit-extension");
        for (String module : List.of("core", "schema-validation", "extension")) {
            assertThat(listed).contains(text(read(ROOT.resolve(module + "/pom.xml")).getDocumentElement(), "artifactId"));
        }
    }

    @Test
    void everyVersionInTheBomIsTheOneTheBuildUses() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Map<String, String> properties = properties(parent);
        Map<String, Managed> parentManaged = new LinkedHashMap<>();
        managed(parent).forEach(entry -> parentManaged.put(entry.key(), entry));

        List<Managed> bomEntries = managed(read(ROOT.resolve("bom/pom.xml")));
        assertThat(bomEntries).isNotEmpty();
        for (Managed entry : bomEntries) {
            Managed used = parentManaged.get(entry.key());
            if (used == null) {
                // managed in the parent through an imported bom of the same group (Testcontainers)
                used = parentManaged.values().stream()
                        .filter(candidate -> "import".equals(candidate.scope()) && candidate.groupId().equals(entry.groupId()))
                        .findFirst().orElse(null);
            }
            assertThat(used).as("%s in dbtestkit-parent's dependencyManagement", entry.key()).isNotNull();
            assertThat(entry.version()).as("version of %s in bom/pom.xml", entry.key())
                    .isEqualTo(resolve(used.version(), properties));
        }
    }

    @Test
    void theBomManagesNoTestOrBuildLibraries() throws Exception {
        assertThat(managed(read(ROOT.resolve("bom/pom.xml")))).extracting(Managed::groupId)
                .doesNotContain("org.junit", "org.junit.jupiter", "org.assertj", "com.tngtech.archunit", "org.openjdk.jmh",
                        "org.slf4j", "info.picocli", "com.fasterxml.jackson.core");
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher matcher = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = properties.get(matcher.group(1));
            assertThat(replacement).as("property %s of dbtestkit-parent", matcher.group(1)).isNotNull();
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolve(replacement, properties)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("project.version", text(pom.getDocumentElement(), "version"));
        Element element = child(pom.getDocumentElement(), "properties");
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element property) {
                properties.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        return properties;
    }

    private static List<Managed> managed(Document pom) {
        List<Managed> entries = new ArrayList<>();
        Element management = child(pom.getDocumentElement(), "dependencyManagement");
        NodeList dependencies = child(management, "dependencies").getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            entries.add(new Managed(text(dependency, "groupId"), text(dependency, "artifactId"), text(dependency, "version"),
                    text(dependency, "scope")));
        }
        return entries;
    }

    private static List<String> modules(Document pom) {
        List<String> modules = new ArrayList<>();
        NodeList nodes = child(pom.getDocumentElement(), "modules").getElementsByTagName("module");
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        return modules;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }

    private static Document read(Path pom) throws Exception {
        assertThat(pom).exists();
        try (var in = Files.newInputStream(pom)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }
}
