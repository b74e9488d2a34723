package dev.ecsgen.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS region codes ecsgen accepts, by partition: {@code aws} (commercial), {@code aws-cn} (China)
 * and {@code aws-us-gov} (GovCloud US). The isolated partitions ({@code aws-iso*}) and the European
 * Sovereign Cloud ({@code aws-eusc}) are not supported.
 */
public final class AwsRegions {
    /*
     * NOTE: the commercial list is the "aws" partition of endpoints.json in the AWS SDK for Java
     * 2.59.1 (regions module), which lists 34 regions. The newest of them (ap-east-2, ap-southeast-6,
     * ap-southeast-7, mx-central-1) may not offer every service ecsgen uses yet. The SDK's Region
     * class also names me-west-1 and sa-west-1, which that partition list does not include; they are
     * left out until they open.
     */
    private static final List<String> COMMERCIAL = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "af-south-1",
            "ap-east-1", "ap-east-2",
            "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-6", "ap-southeast-7",
            "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ca-central-1", "ca-west-1",
            "eu-central-1", "eu-central-2",
            "eu-west-1", "eu-west-2", "eu-west-3",
            "eu-north-1",
            "eu-south-1", "eu-south-2",
            "il-central-1",
            "me-south-1", "me-central-1",
            "mx-central-1",
            "sa-east-1");
    private static final List<String> CHINA = List.of("cn-north-1", "cn-northwest-1");
    private static final List<String> GOV_CLOUD = List.of("us-gov-west-1", "us-gov-east-1");

    /** Region codes by partition name, in the order above. */
    public static final Map<String, List<String>> BY_PARTITION = byPartition();

    private AwsRegions() {
    }

    private static Map<String, List<String>> byPartition() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("aws", COMMERCIAL);
        map.put("aws-cn", CHINA);
        map.put("aws-us-gov", GOV_CLOUD);
        return Collections.unmodifiableMap(map);
    }

    /** Returns the partition of a supported region code, or {@code null} for any other text. */
    public static String partitionOf(String region) {
        for (Map.Entry<String, List<String>> partition : BY_PARTITION.entrySet()) {
            if (partition.getValue().contains(region)) {
                return partition.getKey();
            }
        }
        return null;
    }

    /** Returns {@code true} for a region code of a supported partition. */
    public static boolean isKnown(String region) {
        return partitionOf(region) != null;
    }

    /**
     * Returns a hint for an unknown region code: the known region it most likely misspells, or a
     * pointer to the partitions ecsgen supports.
     */
    public static String suggest(String region) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (List<String> regions : BY_PARTITION.values()) {
            for (String known : regions) {
                int distance = editDistance(region, known);
                if (distance < bestDistance) {
                    best = known;
                    bestDistance = distance;
                }
            }
        }
        if (best != null && bestDistance <= 2) {
            return "did you mean " + best + "?";
        }
        return "expected a region of the aws, aws-cn or aws-us-gov partition, such as us-east-1,"
                + " cn-north-1 or us-gov-west-1";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
