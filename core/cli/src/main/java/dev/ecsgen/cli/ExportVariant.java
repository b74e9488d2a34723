package dev.ecsgen.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An image variant that {@code ecsgen ami export} can read: its SSM public parameter and the
 * {@code region-map} variant that uses the exported file.
 *
 * @param name             the variant name, as the ecs-optimized source names it
 * @param parameter        the SSM public parameter that contains the current AMI id in each region
 * @param architecture     the column of the map file: {@code x86_64} or {@code arm64}
 * @param regionMapVariant the {@code ami.variant} to use with {@code source: region-map}
 */
record ExportVariant(String name, String parameter, String architecture, String regionMapVariant) {
    private static final String ECS = "/aws/service/ecs/optimized-ami/";

    /*
     * NOTE: these parameter names repeat the table of the ecs-optimized plugin, which the command line
     * cannot read because plugins are separate jars; AmiExportCommandTest compares the two.
     */
    static final Map<String, ExportVariant> ALL = all(
            new ExportVariant("al2023", ECS + "amazon-linux-2023/recommended/image_id", "x86_64", "x86_64"),
            new ExportVariant("al2023-arm64", ECS + "amazon-linux-2023/arm64/recommended/image_id", "arm64", "arm64"),
            new ExportVariant("al2023-gpu", ECS + "amazon-linux-2023/gpu/recommended/image_id", "x86_64", "x86_64"),
            new ExportVariant("al2", ECS + "amazon-linux-2/recommended/image_id", "x86_64", "x86_64"),
            new ExportVariant("al2-arm64", ECS + "amazon-linux-2/arm64/recommended/image_id", "arm64", "arm64"),
            new ExportVariant("bottlerocket", "/aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id",
                    "x86_64", "bottlerocket"));

    private static Map<String, ExportVariant> all(ExportVariant... variants) {
        Map<String, ExportVariant> map = new LinkedHashMap<>();
        for (ExportVariant variant : variants) {
            map.put(variant.name(), variant);
        }
        return map;
    }
}
