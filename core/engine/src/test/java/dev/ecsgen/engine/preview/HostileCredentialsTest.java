package dev.ecsgen.engine.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.ClassPathPlugins;
import dev.ecsgen.engine.resolve.IntrinsicResolver;
import dev.ecsgen.engine.resolve.PseudoParameters;
import dev.ecsgen.engine.testing.AgentBoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the generated user data of every spec with agent-level credentials in real bash, with credentials that
 * contain shell, JSON and config-file metacharacters, through {@link AgentBoot}.
 */
class HostileCredentialsTest {
    private static final String LONG_VALUE = longValue();

    private static final PluginCatalog plugins = ClassPathPlugins.catalog();

    static Stream<Arguments> cases() {
        Map<String, String[]> values = new LinkedHashMap<>();
        values.put("single quote", new String[] {"o'brien", "pa'ss'word"});
        values.put("double quote", new String[] {"say\"hi\"", "pa\"ss\"word"});
        values.put("backslash", new String[] {"dom\\user", "pa\\ss\\\\word\\"});
        values.put("dollar HOME", new String[] {"$HOME", "$HOME"});
        values.put("braced variable", new String[] {"${x}", "${x}${AWS::Region}"});
        values.put("backticks", new String[] {"`id`", "`id`"});
        values.put("command substitution", new String[] {"$(id)", "$(id)"});
        values.put("spaces", new String[] {" user name ", "  pass word  "});
        values.put("hash", new String[] {"#user", "#pass # word"});
        values.put("equals", new String[] {"user=1", "=pass=word="});
        values.put("colons in password", new String[] {"plain-user", ":pass:word:"});
        values.put("percent and newline escape", new String[] {"user%s", "pa%s%%\\nss"});
        values.put("non-ASCII letters", new String[] {"üsér-日本", "pässwörd-日本"});
        values.put("1000 characters", new String[] {"u" + LONG_VALUE.replace(":", ""), LONG_VALUE});

        List<Arguments> arguments = new ArrayList<>();
        for (Path spec : PreviewSpecs.all()) {
            for (Map.Entry<String, String[]> value : values.entrySet()) {
                arguments.add(Arguments.of(PreviewSpecs.name(spec), value.getKey(), spec, value.getValue()[0],
                        value.getValue()[1]));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void agentReadsBackCredentials(String specName, String label, Path spec, String username, String password,
                                   @TempDir Path folder) throws Exception {
        JsonNode template = PreviewSpecs.generate(plugins, spec);

        boolean checked = AgentBoot.assertAgentReadsBack(template, username, password, folder);

        assumeTrue(checked, specName + " has no agent-level credentials");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usernameParameters")
    void usernamePatternRejectsColon(String specName, Path spec) {
        JsonNode template = PreviewSpecs.generate(plugins, spec);
        List<String> usernames = new ArrayList<>();
        template.path("Parameters").fieldNames().forEachRemaining(name -> {
            if (name.endsWith("Username")) {
                usernames.add(name);
            }
        });
        assumeFalse(usernames.isEmpty(), specName + " has no username parameter");

        for (String name : usernames) {
            Map<String, String> values = PreviewSpecs.parameterValues(template, Map.of(name, "team:robot"));
            List<String> problems = new IntrinsicResolver(template, values, PseudoParameters.defaults())
                    .validateParameters();
            assertThat(problems).as("problems for %s=team:robot", name).hasSize(1);
            assertThat(problems.get(0)).startsWith("Parameter '" + name + "' value (hidden because the parameter"
                    + " is NoEcho) does not match the AllowedPattern ");
            assertThat(problems.get(0)).doesNotContain("team:robot");
        }
    }

    static Stream<Arguments> usernameParameters() {
        return PreviewSpecs.all().stream().map(spec -> Arguments.of(PreviewSpecs.name(spec), spec));
    }

    /** Returns 1,000 characters that cycle through every hostile character of the other cases. */
    private static String longValue() {
        String pieces = "a'b\"c\\d$HOME${x}`id`$(id) #=:ä日%s%%\\n";
        StringBuilder value = new StringBuilder();
        while (value.length() < 1000) {
            value.append(pieces);
        }
        return value.substring(0, 1000);
    }
}
