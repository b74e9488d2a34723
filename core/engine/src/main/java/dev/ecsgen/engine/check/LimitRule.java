package dev.ecsgen.engine.check;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Checks CloudFormation's quotas: template body size, numbers of resources, parameters, mappings and
 * outputs, logical id form, and EC2 user data size. Numbers are from the CloudFormation quotas page
 * and the EC2 user data documentation.
 */
public final class LimitRule implements TemplateRule {
    /** Largest body that {@code --template-body} accepts; larger ones must be uploaded to S3. */
    public static final long MAX_DIRECT_BODY_BYTES = 51_200;
    /** Largest body CloudFormation accepts from S3. */
    public static final long MAX_S3_BODY_BYTES = 1_000_000;
    public static final int MAX_RESOURCES = 500;
    public static final int MAX_PARAMETERS = 200;
    public static final int MAX_MAPPINGS = 200;
    public static final int MAX_OUTPUTS = 200;
    public static final int MAX_LOGICAL_ID_LENGTH = 255;
    /** EC2 rejects user data above 16 KB before base64 encoding. */
    public static final int MAX_USER_DATA_BYTES = 16 * 1024;

    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]+");

    @Override
    public void check(TemplateContext context) {
        long bytes = context.bodyBytes();
        if (bytes > MAX_S3_BODY_BYTES) {
            context.error("", "limit-body-size", "the template is " + bytes + " bytes, above CloudFormation's limit of "
                    + MAX_S3_BODY_BYTES + " bytes even from S3: split the stack");
        } else if (bytes > MAX_DIRECT_BODY_BYTES) {
            context.warning("", "limit-body-size", "the template is " + bytes + " bytes, above the "
                    + MAX_DIRECT_BODY_BYTES + " bytes of a direct upload: deploy it with --s3-bucket");
        }
        count(context, "Resources", MAX_RESOURCES);
        count(context, "Parameters", MAX_PARAMETERS);
        count(context, "Mappings", MAX_MAPPINGS);
        count(context, "Outputs", MAX_OUTPUTS);
        for (String section : new String[] {"Parameters", "Mappings", "Conditions", "Resources", "Outputs"}) {
            context.section(section).fieldNames().forEachRemaining(id -> {
                if (!LOGICAL_ID.matcher(id).matches() || id.length() > MAX_LOGICAL_ID_LENGTH) {
                    context.error(TemplateContext.child("/" + section, id), "logical-id",
                            "logical id '" + id + "' must be 1 to " + MAX_LOGICAL_ID_LENGTH + " letters and digits");
                }
            });
        }
        checkUserData(context);
    }

    private static void count(TemplateContext context, String section, int max) {
        int size = context.section(section).size();
        if (size > max) {
            context.error("/" + section, "limit-count", section + " has " + size + " entries, above CloudFormation's limit of " + max);
        }
    }

    private static void checkUserData(TemplateContext context) {
        for (UserDataText.Script script : UserDataText.scripts(context)) {
            int bytes = script.text().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_USER_DATA_BYTES) {
                context.error(script.path(), "limit-user-data", "the user data script is " + bytes
                        + " bytes before base64, above EC2's limit of " + MAX_USER_DATA_BYTES
                        + " bytes; move most of it to a file that the script downloads");
            }
        }
    }
}
