package dev.ecsgen.engine.render;

import dev.ecsgen.engine.EcsgenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects fragment text that writes the commercial partition into an ARN ({@code arn:aws:}). Such an
 * ARN is wrong in the {@code aws-cn} and {@code aws-us-gov} partitions, where the same template must
 * write {@code arn:${AWS::Partition}:}. FreeMarker comments are skipped, so a comment may name the
 * form it forbids.
 */
public final class PartitionLiteralCheck {
    private static final Pattern LITERAL = Pattern.compile("arn:aws:");
    private static final Pattern COMMENT = Pattern.compile("<#--.*?-->", Pattern.DOTALL);

    private PartitionLiteralCheck() {
    }

    /**
     * Returns one message per {@code arn:aws:} outside comments, each starting with
     * {@code location:line:column}.
     */
    public static List<String> findLiterals(String location, String text) {
        List<String> problems = new ArrayList<>();
        String code = blankComments(text);
        Matcher matcher = LITERAL.matcher(code);
        while (matcher.find()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < matcher.start(); i++) {
                if (code.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.add(location + ":" + line + ":" + (matcher.start() - lineStart + 1)
                    + ": writes 'arn:aws:', which is wrong in the aws-cn and aws-us-gov partitions:"
                    + " write arn:${AWS::Partition}: inside Fn::Sub, or use cfn.arn(service, rest)");
        }
        return problems;
    }

    /** Throws a check failure when any fragment or library in {@code fragments} writes {@code arn:aws:}. */
    static void check(FragmentSet fragments) {
        List<String> problems = new ArrayList<>();
        for (FragmentSet.Entry entry : fragments.entries()) {
            FragmentSource source = entry.source();
            try (InputStream in = source.open()) {
                problems.addAll(findLiterals("fragment " + source.location(),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw EcsgenException.checkFailed("fragment " + source.location() + ": cannot read: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw EcsgenException.checkFailed(String.join("\n", problems));
        }
    }

    /** Replaces each comment with spaces, keeping its line breaks so that line numbers stay right. */
    private static String blankComments(String text) {
        Matcher matcher = COMMENT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int end = 0;
        while (matcher.find()) {
            out.append(text, end, matcher.start());
            for (int i = matcher.start(); i < matcher.end(); i++) {
                out.append(text.charAt(i) == '\n' ? '\n' : ' ');
            }
            end = matcher.end();
        }
        return out.append(text, end, text.length()).toString();
    }
}
