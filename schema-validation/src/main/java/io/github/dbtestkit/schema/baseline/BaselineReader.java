package io.github.dbtestkit.schema.baseline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.DifferenceKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the JSON baseline format with Jackson's streaming parser, so every error can name its entry and line. */
final class BaselineReader {

    static final int VERSION = 1;
    private static final String FIELDS = "kind, table, column, expected, actual, reason, engines";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY); // "engines": "h2" as well as ["h2"]

    /** The JSON shape of one entry; validated into a {@link BaselineEntry}. */
    private record EntryJson(String kind, String table, String column, String expected, String actual,
                             String reason, List<String> engines) {
    }

    private BaselineReader() {
    }

    static List<BaselineEntry> read(Path file) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BaselineException("Baseline file " + file + " does not exist: check the path given as the "
                    + "baseline, or remove the option.", e);
        } catch (IOException e) {
            throw new BaselineException("Baseline file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return read(in, file.toString());
    }

    static List<BaselineEntry> read(InputStream in, String name) {
        try (JsonParser parser = MAPPER.createParser(in)) {
            return readDocument(parser, name);
        } catch (UnrecognizedPropertyException e) {
            throw new BaselineException("Baseline file " + name + " at " + where(e.getLocation()) + ": unknown field '"
                    + e.getPropertyName() + "'; an entry has the fields " + FIELDS + ".", e);
        } catch (JsonProcessingException e) {
            throw new BaselineException("Baseline file " + name + " is not valid JSON at " + where(e.getLocation())
                    + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BaselineException("Baseline file " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<BaselineEntry> readDocument(JsonParser parser, String name) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new BaselineException("Baseline file " + name + " must hold a JSON object "
                    + "{\"version\": 1, \"accepted\": [...]}, found " + describe(parser) + " at "
                    + where(parser.currentTokenLocation()) + ".");
        }
        Integer version = null;
        List<BaselineEntry> entries = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonLocation location = parser.currentTokenLocation();
            parser.nextToken();
            switch (field) {
                case "version" -> {
                    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != VERSION) {
                        throw new BaselineException("Baseline file " + name + " at " + where(location)
                                + ": version must be " + VERSION + ", found " + parser.getText() + ".");
                    }
                    version = VERSION;
                }
                case "accepted" -> entries = readEntries(parser, name);
                default -> throw new BaselineException("Baseline file " + name + " at " + where(location)
                        + ": unknown field '" + field + "'; the file has the fields version and accepted.");
            }
        }
        if (parser.nextToken() != null) {
            throw new BaselineException("Baseline file " + name + " has content after its JSON object at "
                    + where(parser.currentTokenLocation()) + ".");
        }
        if (version == null) {
            throw new BaselineException("Baseline file " + name + " has no \"version\": add \"version\": "
                    + VERSION + ".");
        }
        if (entries == null) {
            throw new BaselineException("Baseline file " + name + " has no \"accepted\" list: add "
                    + "\"accepted\": [] with one object per accepted difference.");
        }
        return entries;
    }

    private static List<BaselineEntry> readEntries(JsonParser parser, String name) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new BaselineException("Baseline file " + name + " at " + where(parser.currentTokenLocation())
                    + ": \"accepted\" must be a list of objects, found " + describe(parser) + ".");
        }
        List<BaselineEntry> entries = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int number = entries.size() + 1;
            String origin = name + " entry " + number + ", line " + parser.currentTokenLocation().getLineNr();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new BaselineException("Baseline file " + origin + ": an entry must be an object with the "
                        + "fields " + FIELDS + ", found " + describe(parser) + ".");
            }
            entries.add(toEntry(MAPPER.readValue(parser, EntryJson.class), origin));
        }
        return entries;
    }

    private static BaselineEntry toEntry(EntryJson json, String origin) {
        String prefix = "Baseline file " + origin + ": ";
        if (json.kind() == null || json.kind().isBlank()) {
            throw new BaselineException(prefix + "\"kind\" is missing; use one of " + kinds() + ".");
        }
        DifferenceKind kind = Arrays.stream(DifferenceKind.values())
                .filter(k -> k.name().equalsIgnoreCase(json.kind().strip()))
                .findFirst()
                .orElseThrow(() -> new BaselineException(prefix + "kind '" + json.kind()
                        + "' is not a difference kind; use one of " + kinds() + "."));
        if (json.table() == null || json.table().isBlank()) {
            throw new BaselineException(prefix + "\"table\" is missing; name the table as the report does.");
        }
        if (json.reason() == null || json.reason().isBlank()) {
            throw new BaselineException(prefix + "\"reason\" is missing; say why this difference is accepted.");
        }
        Set<String> engines = new LinkedHashSet<>();
        for (String engine : json.engines() == null ? List.<String>of() : json.engines()) {
            try {
                engines.add(EngineKind.fromId(engine == null ? "" : engine).id());
            } catch (IllegalArgumentException e) {
                throw new BaselineException(prefix + "\"engines\" names " + e.getMessage().replace("Unknown engine",
                        "the unknown engine"), e);
            }
        }
        return new BaselineEntry(kind, json.table().strip(), blankToNull(json.column()), blankToNull(json.expected()),
                blankToNull(json.actual()), json.reason().strip(), origin, engines);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String kinds() {
        return Arrays.stream(DifferenceKind.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "the string \"" + parser.getText() + "\"";
            default -> parser.getText();
        };
    }

    private static String where(JsonLocation location) {
        return location == null ? "an unknown position"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
