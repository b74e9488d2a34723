package dev.ecsgen.api;

import java.util.regex.Pattern;

/** The form of an EC2 image id: {@code ami-} and 8 or 17 lowercase hexadecimal digits. */
public final class AmiIds {
    private static final Pattern AMI_ID = Pattern.compile("ami-[0-9a-f]{8}([0-9a-f]{9})?");

    /** An example id for messages that show the expected form. */
    public static final String EXAMPLE = "ami-0123456789abcdef0";

    private AmiIds() {
    }

    /** Returns {@code true} when {@code text} has the form of an AMI id. */
    public static boolean isValid(String text) {
        return text != null && AMI_ID.matcher(text).matches();
    }
}
