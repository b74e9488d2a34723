package dev.ecsgen.plugins.amimap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ecsgen.api.AmiIds;
import dev.ecsgen.api.AwsRegions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an AMI map file: a YAML or JSON object of region code to AMI id, or of region code to an
 * object of architecture ({@code x86_64}, {@code arm64}) to AMI id. The file is read as a token stream
 * so that every problem is reported with its line and column, and all problems are collected before
 * the read fails.
 */
final class AmiMapFile {
    /** The architectures a map file may name. */
    static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");

    private final String name;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** The line of each region key read so far, valid or not, to report duplicates. */
    private final Map<String, Integer> regionLines = new LinkedHashMap<>();
    private Entry firstFlat;
    private Entry firstNested;

    /**
     * One region of the file.
     *
     * @param region         the region code
     * @param image          the AMI id of a {@code region: ami-id} entry, or {@code null}
     * @param byArchitecture the AMI ids of a {@code region: {arch: ami-id}} entry, empty for the other form
     * @param line           the line of the region key, from 1
     */
    record Entry(String region, String image, Map<String, String> byArchitecture, int line) {
        boolean flat() {
            return image != null;
        }
    }

    private AmiMapFile(String name) {
        this.name = name;
    }

    /**
     * Reads {@code file}, naming it {@code name} in messages.
     *
     * @return the regions in file order
     * @throws MapFileException listing every problem, one a line, each starting with name:line:column
     */
    static Map<String, Entry> read(Path file, String name) {
        AmiMapFile reader = new AmiMapFile(name);
        reader.parse(file);
        if (!reader.problems.isEmpty()) {
            throw new MapFileException(String.join("\n", reader.problems));
        }
        return Collections.unmodifiableMap(reader.entries);
    }

    /** A map file that cannot be read or is invalid; the message lists each problem with its location. */
    static final class MapFileException extends RuntimeException {
        MapFileException(String message) {
            super(message);
        }
    }

    private void parse(Path file) {
        JsonFactory factory = file.getFileName().toString().endsWith(".json") ? new JsonFactory() : new YAMLFactory();
        try (JsonParser parser = factory.createParser(Files.newBufferedReader(file))) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                problems.add(name + ":1:1: the map file is empty: list each region with its AMI id,"
                        + " such as 'us-east-1: " + AmiIds.EXAMPLE + "'");
                return;
            }
            if (token != JsonToken.START_OBJECT) {
                problem(parser.currentTokenLocation(), "expected a map of region to AMI id, found "
                        + describe(token) + ": write one 'region: ami-id' line per region");
                return;
            }
            JsonLocation start = parser.currentTokenLocation();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                readRegion(parser);
            }
            if (entries.isEmpty() && problems.isEmpty()) {
                problem(start, "the map contains no regions: list each region with its AMI id,"
                        + " such as 'us-east-1: " + AmiIds.EXAMPLE + "'");
            }
        } catch (NoSuchFileException e) {
            problems.add(name + ": map file not found: create it, for example with"
                    + " 'ecsgen ami export', or correct ami.file (it is relative to the spec's folder)");
        } catch (JsonProcessingException e) {
            // Values read before a syntax error may be wrong only because of it, so it is reported alone.
            problems.clear();
            JsonLocation location = e.getLocation();
            String message = e.getOriginalMessage().strip().split("\n")[0];
            problems.add(where(location) + ": invalid " + (factory instanceof YAMLFactory ? "YAML" : "JSON")
                    + ": " + message);
        } catch (IOException e) {
            problems.add(name + ": cannot read the map file: " + e.getMessage());
        }
    }

    private void readRegion(JsonParser parser) throws IOException {
        String region = parser.currentName();
        JsonLocation location = parser.currentTokenLocation();
        JsonToken value = parser.nextToken();

        boolean valid = true;
        if (!AwsRegions.isKnown(region)) {
            problem(location, "unknown region '" + region + "': " + AwsRegions.suggest(region));
            valid = false;
        }
        Integer earlierLine = regionLines.putIfAbsent(region, location.getLineNr());
        if (earlierLine != null) {
            problem(location, "duplicate region " + region + ", first given at line " + earlierLine
                    + ": keep one entry per region");
            valid = false;
        }

        String image = null;
        Map<String, String> byArchitecture = new LinkedHashMap<>();
        if (value == JsonToken.VALUE_STRING) {
            String id = parser.getText();
            if (checkAmiId(parser.currentTokenLocation(), region, null, id)) {
                image = id;
            }
        } else if (value == JsonToken.START_OBJECT) {
            readArchitectures(parser, region, byArchitecture);
        } else {
            problem(parser.currentTokenLocation(), "region " + region + " maps to " + describe(value)
                    + ": expected an AMI id such as " + AmiIds.EXAMPLE
                    + ", or a map of architecture (x86_64, arm64) to AMI id");
            parser.skipChildren();
        }

        if (!valid || (image == null && byArchitecture.isEmpty())) {
            return;
        }
        Entry entry = new Entry(region, image, Collections.unmodifiableMap(byArchitecture), location.getLineNr());
        checkOneForm(entry, location);
        entries.put(region, entry);
    }

    private void readArchitectures(JsonParser parser, String region, Map<String, String> images) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String architecture = parser.currentName();
            JsonLocation location = parser.currentTokenLocation();
            JsonToken value = parser.nextToken();
            if (!ARCHITECTURES.contains(architecture)) {
                problem(location, "unknown architecture '" + architecture + "' for region " + region
                        + ": expected x86_64 or arm64");
                parser.skipChildren();
                continue;
            }
            if (images.containsKey(architecture)) {
                problem(location, "duplicate architecture " + architecture + " for region " + region
                        + ": keep one AMI id per architecture");
                parser.skipChildren();
                continue;
            }
            if (value != JsonToken.VALUE_STRING) {
                problem(parser.currentTokenLocation(), region + "." + architecture + " is " + describe(value)
                        + ": expected an AMI id such as " + AmiIds.EXAMPLE);
                parser.skipChildren();
                continue;
            }
            String id = parser.getText();
            if (checkAmiId(parser.currentTokenLocation(), region, architecture, id)) {
                images.put(architecture, id);
            }
        }
    }

    private boolean checkAmiId(JsonLocation location, String region, String architecture, String id) {
        if (AmiIds.isValid(id)) {
            return true;
        }
        String key = architecture == null ? region : region + "." + architecture;
        problem(location, "malformed AMI id '" + id + "' for " + key + ": expected ami- and 8 or 17"
                + " lowercase hexadecimal digits, such as " + AmiIds.EXAMPLE);
        return false;
    }

    /** Rejects a file that mixes 'region: ami-id' entries with 'region: {arch: ami-id}' entries. */
    private void checkOneForm(Entry entry, JsonLocation location) {
        if (entry.flat()) {
            firstFlat = firstFlat == null ? entry : firstFlat;
        } else {
            firstNested = firstNested == null ? entry : firstNested;
        }
        if (firstFlat != null && firstNested != null && (entry == firstFlat || entry == firstNested)) {
            Entry other = entry == firstFlat ? firstNested : firstFlat;
            problem(location, "region " + entry.region() + (entry.flat() ? " maps to one AMI id" : " maps architectures")
                    + ", but region " + other.region() + " at line " + other.line()
                    + (other.flat() ? " maps to one AMI id" : " maps architectures")
                    + ": use one form for the whole file");
        }
    }

    private void problem(JsonLocation location, String message) {
        problems.add(where(location) + ": " + message);
    }

    private String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return name;
        }
        return name + ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a map";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "an empty value";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_STRING -> "a string";
            default -> token.name();
        };
    }
}
