package dev.ecsgen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ecsgen.api.AmiIds;
import dev.ecsgen.api.AwsRegions;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.write.AtomicFileWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ecsgen ami export}: reads the current AMI id of an image variant from the SSM public
 * parameters of each region and writes a map file for the {@code region-map} AMI source.
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes an AMI map file for 'ami.source: region-map' from the SSM public parameters of each region.",
            "Uses the AWS default credentials (environment, profile, or instance role); the credentials"
                    + " must belong to the partition of the regions (aws, aws-cn or aws-us-gov)."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every region was read and FILE was written",
            "  1  a region failed; every region was still tried, and nothing was written",
            "  2  invalid usage or an unwritable FILE; nothing was written",
            "  3  internal error in ecsgen; rerun with --stacktrace and report it"
        })
public final class AmiExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--variant", required = true, paramLabel = "VARIANT",
            description = "Image variant: al2023, al2023-arm64, al2023-gpu, al2, al2-arm64 or bottlerocket.")
    String variant;

    @Option(names = "--regions", required = true, split = ",", paramLabel = "REGION",
            description = "Regions to read, comma-separated, such as us-east-1,eu-west-1.")
    List<String> regions = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Map file to write, replacing it atomically: JSON if FILE ends in .json, else YAML.")
    Path output;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send every request to this SSM endpoint instead of each region's own, such as a VPC endpoint or a test server.")
    String endpointUrl;

    @Override
    public Integer call() {
        common.configureLogging();
        ExportVariant image = ExportVariant.ALL.get(variant);
        if (image == null) {
            throw new ParameterException(spec.commandLine(), "invalid --variant '" + variant + "': expected one of "
                    + String.join(", ", ExportVariant.ALL.keySet()));
        }
        Set<String> unique = checkedRegions();
        URI endpoint = endpoint();

        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> images = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        int index = 0;
        try (SsmImageLookup lookup = new SsmImageLookup(endpoint)) {
            for (String region : unique) {
                index++;
                String progress = "[" + index + "/" + unique.size() + "] " + region + ": ";
                long start = System.nanoTime();
                try {
                    String id = lookup.read(region, image.parameter());
                    if (!AmiIds.isValid(id)) {
                        throw new SsmImageLookup.LookupException("parameter " + image.parameter() + " contains '" + id
                                + "', which is not an AMI id");
                    }
                    images.put(region, id);
                    if (!common.logging.quiet) {
                        err.println(progress + id + took(start));
                    }
                } catch (SsmImageLookup.LookupException e) {
                    failed.add(region);
                    err.println(progress + "failed: " + e.getMessage() + took(start));
                }
                err.flush();
            }
        }
        if (!failed.isEmpty()) {
            throw EcsgenException.checkFailed("could not read " + image.parameter() + " in " + failed.size() + " of "
                    + unique.size() + " regions (" + String.join(", ", failed) + "); nothing was written to " + output
                    + ": check the region names, the credentials for their partition, and that the variant is"
                    + " published there, or leave those regions out");
        }
        AtomicFileWriter.write(output, output.getFileName().toString().endsWith(".json")
                ? json(image, images)
                : yaml(image, images));
        if (!common.logging.quiet) {
            err.println("Wrote " + images.size() + (images.size() == 1 ? " region" : " regions") + " to " + output
                    + "; use it with ami.source region-map, ami.file and ami.variant " + image.regionMapVariant());
            err.flush();
        }
        return ExitCodes.OK;
    }

    /** Returns " (N ms)" with --verbose, for a progress line, and an empty string without it. */
    private String took(long start) {
        return common.logging.verbose ? " (" + LoggingOptions.millisSince(start) + " ms)" : "";
    }

    private Set<String> checkedRegions() {
        Set<String> unique = new LinkedHashSet<>();
        for (String region : regions) {
            String trimmed = region.strip();
            if (!AwsRegions.isKnown(trimmed)) {
                throw new ParameterException(spec.commandLine(), "invalid --regions entry '" + trimmed + "': "
                        + AwsRegions.suggest(trimmed));
            }
            unique.add(trimmed);
        }
        return unique;
    }

    private URI endpoint() {
        if (endpointUrl == null) {
            return null;
        }
        URI uri = null;
        try {
            uri = new URI(endpointUrl);
        } catch (URISyntaxException e) {
            // Reported below with the expected form, which is clearer than the parser's reason.
        }
        if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new ParameterException(spec.commandLine(), "invalid --endpoint-url '" + endpointUrl
                    + "': expected http:// or https:// and a host, such as https://ssm.us-east-1.amazonaws.com");
        }
        return uri;
    }

    /** Writes the map in the region: {arch: ami-id} form, with comments that name the source of the ids. */
    static String yaml(ExportVariant image, Map<String, String> images) {
        StringBuilder text = new StringBuilder();
        text.append("# AMI ids of variant ").append(image.name()).append(" from the SSM public parameter\n");
        text.append("# ").append(image.parameter()).append(", written by 'ecsgen ami export'.\n");
        text.append("# Use with ami.source region-map and ami.variant ").append(image.regionMapVariant()).append(".\n");
        images.forEach((region, id) ->
                text.append(region).append(":\n  ").append(image.architecture()).append(": ").append(id).append('\n'));
        return text.toString();
    }

    static String json(ExportVariant image, Map<String, String> images) {
        Map<String, Object> tree = new LinkedHashMap<>();
        images.forEach((region, id) -> tree.put(region, Map.of(image.architecture(), id)));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a map of strings as JSON", e);
        }
    }
}
