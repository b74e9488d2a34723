package dev.ecsgen.engine.preview;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders an {@link InstancePreview.Result} as plain text with LF line ends. The output depends only on the
 * result, so the same template and values always give the same text.
 *
 * <p>Unless secrets are shown, every password, {@code auth} value and NoEcho parameter value is replaced by
 * {@link Mask#of}, in the script, the config and the tables, including its JSON-escaped form. Usernames are shown.
 */
final class PreviewReport {
    private final StringBuilder out = new StringBuilder();
    private final List<String> secrets;
    private final boolean showSecrets;

    private PreviewReport(InstancePreview.Result result, boolean showSecrets) {
        this.showSecrets = showSecrets;
        List<String> all = new ArrayList<>();
        for (String secret : result.secrets()) {
            all.add(secret);
            String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(secret));
            if (!escaped.equals(secret)) {
                all.add(escaped);
            }
        }
        // Sorted by length, longest first, so that a secret containing another is masked whole.
        all.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.secrets = all;
    }

    static String render(InstancePreview.Result result, boolean showSecrets) {
        PreviewReport report = new PreviewReport(result, showSecrets);
        report.write(result);
        return report.out.toString();
    }

    private void write(InstancePreview.Result result) {
        line("Stack " + result.pseudo().stackName() + " in " + result.pseudo().region() + ", account "
                + result.pseudo().accountId() + ".");
        line(showSecrets ? "Secrets are shown because --show-secrets is set."
                : "Secrets are shown as ****(length). Pass --show-secrets to show them.");
        if (result.instances().isEmpty()) {
            line("");
            line("The template creates no AWS::EC2::LaunchTemplate or AWS::AutoScaling::LaunchConfiguration (a"
                    + " resource whose Condition is false is not created), so no instance gets agent credentials.");
            images("Images", result.images());
            return;
        }
        for (InstancePreview.Instances instances : result.instances()) {
            instances(instances);
        }
    }

    private void instances(InstancePreview.Instances instances) {
        line("");
        line("== " + instances.resourceType() + " " + instances.logicalId());
        if (instances.note() != null) {
            line("note: " + instances.note());
        }
        if (instances.script() != null) {
            heading("User data script");
            numbered(instances.script());
            heading("Writes to " + EcsConfig.PATH);
            if (!instances.extraction().writesConfig()) {
                line("(none: the script does not write " + EcsConfig.PATH + ")");
            }
            for (UserDataConfigExtractor.Observation observation : instances.extraction().observations()) {
                line(mask(observation.toString()));
            }
        }
        heading(EcsConfig.PATH + " as the agent reads it");
        EcsConfig config = instances.config();
        if (instances.extraction().configText().isEmpty()) {
            line("(empty)");
        } else {
            numbered(instances.extraction().configText());
        }
        for (EcsConfig.Entry overridden : config.overridden()) {
            line("note: line " + overridden.line() + " sets " + overridden.key() + " again later; the agent uses line "
                    + config.entry(overridden.key()).orElseThrow().line() + ".");
        }
        for (int ignored : config.ignoredLines()) {
            line("note: line " + ignored + " has no '=', so the agent ignores it.");
        }
        agentCredentials(instances.auth());
        images("Images pulled by instances of " + instances.logicalId(), instances.images());
    }

    private void agentCredentials(AgentAuthData auth) {
        String type = auth.type() == null ? "not set" : auth.type();
        heading("Agent registry credentials (" + AgentAuthData.TYPE_KEY + " " + type + ")");
        if (!auth.configured()) {
            line("(none: the agent pulls every image without credentials unless the task sets RepositoryCredentials)");
        }
        if (!auth.credentials().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("KEY", "USERNAME", "PASSWORD", "AUTH"));
            for (AgentAuthData.Credentials credentials : auth.credentials()) {
                if (credentials.secretArn() != null) {
                    String source = "(from secret " + credentials.secretArn() + " at boot)";
                    rows.add(List.of(credentials.key(), source, "-", "-"));
                    continue;
                }
                rows.add(List.of(credentials.key(), credentials.username(), secret(credentials.password()),
                        credentials.auth() == null ? "-" : secret(credentials.auth())));
            }
            table(rows);
        }
        for (AgentAuthData.Problem problem : auth.problems()) {
            line("problem: " + problem.failure() + ": " + mask(problem.message()));
        }
    }

    private void images(String title, List<InstancePreview.ImageRow> images) {
        heading(title);
        if (images.isEmpty()) {
            line("(none: the template has no AWS::ECS::TaskDefinition containers)");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("TASK DEFINITION", "CONTAINER", "IMAGE", "REGISTRY", "AGENT KEY", "CREDENTIALS"));
        List<String> notes = new ArrayList<>();
        for (InstancePreview.ImageRow row : images) {
            rows.add(List.of(row.taskDefinition(), row.container(), row.image(),
                    row.registry() == null ? "(invalid)" : row.registry(),
                    row.agentKey() == null ? "-" : row.agentKey(), credentials(row)));
            if (row.note() != null) {
                notes.add("note: " + row.taskDefinition() + "/" + row.container() + ": " + mask(row.note()));
            }
        }
        table(rows);
        notes.forEach(this::line);
    }

    private static String credentials(InstancePreview.ImageRow row) {
        return switch (row.pullCredentials()) {
            case TASK -> "task: " + row.taskSecret();
            case AGENT -> row.agentCredentials().secretArn() != null
                    ? "agent: from secret " + row.agentCredentials().secretArn()
                    : "agent: user " + row.agentCredentials().username();
            case NONE -> "none (anonymous pull)";
        };
    }

    private void heading(String title) {
        line("");
        line("-- " + title);
    }

    private void numbered(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String[] lines = body.split("\n", -1);
        int width = String.valueOf(lines.length).length();
        for (int i = 0; i < lines.length; i++) {
            line(String.format("%" + width + "d | %s", i + 1, mask(lines[i])).stripTrailing());
        }
        if (!text.endsWith("\n")) {
            line("(no newline at the end)");
        }
    }

    private void table(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                text.append(cell);
                if (i < row.size() - 1) {
                    text.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
                }
            }
            line(mask(text.toString()).stripTrailing());
        }
    }

    private String secret(String value) {
        return showSecrets ? value : Mask.of(value);
    }

    /** Shortest secret that is masked wherever it appears, not only in the credential columns. */
    private static final int MIN_MASKED_EVERYWHERE = 4;

    private String mask(String text) {
        if (showSecrets) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            // NOTE: a secret of one to three characters is masked in the credential columns only. Replacing
            // every occurrence of it in the script and config would garble them and reveal the letters.
            if (secret.length() >= MIN_MASKED_EVERYWHERE) {
                result = result.replace(secret, Mask.of(secret));
            }
        }
        return result;
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
