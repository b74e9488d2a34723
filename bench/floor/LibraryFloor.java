import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pf4j.JarPluginManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The minimum work a generator built on ecsgen's four libraries must do, in one thread. picocli parses
 * the command line and PF4J loads the plugin jars. Jackson reads the YAML spec as a tree, FreeMarker
 * renders one small template from it, and Jackson parses that output and writes it as JSON. bench/run
 * times this program beside ecsgen to show how much of ecsgen's start-up the libraries alone take.
 * With -Dfloor.verbose=true it prints the milliseconds of each step on stderr.
 */
@Command(name = "floor", mixinStandardHelpOptions = true)
public final class LibraryFloor implements Callable<Integer> {
    private static final String TEMPLATE = "{\"Description\": \"${name}\", \"Resources\": {<#list tasks as task>"
            + "\"Task${task?index}\": {\"Type\": \"AWS::ECS::TaskDefinition\", \"Properties\": {\"Family\": \"${task.name}\"}}"
            + "<#sep>, </#list>}}";

    @Parameters(index = "0", description = "The spec to read.")
    Path spec;

    @Option(names = {"-o", "--output"}, required = true, description = "The JSON file to write.")
    Path output;

    @Option(names = "--plugins", required = true, description = "The folder of plugin jars to load.")
    Path plugins;

    private long mark = System.nanoTime();

    public static void main(String[] args) {
        // The settings with which ecsgen starts these libraries (see dev.ecsgen.cli.Main), so that
        // both programs skip the same searches, and PF4J logs only warnings, as in ecsgen.
        Map.of("picocli.converters.excludes", "java\\.(sql|time)\\..*",
                "picocli.disable.closures", "true",
                "slf4j.provider", "org.slf4j.simple.SimpleServiceProvider",
                "slf4j.internal.verbosity", "WARN",
                "org.freemarker.loggerLibrary", "JUL",
                "org.slf4j.simpleLogger.defaultLogLevel", "warn")
                .forEach(System::setProperty);
        System.exit(new CommandLine(new LibraryFloor()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        step("picocli (since main)");
        JarPluginManager manager = new JarPluginManager(plugins);
        manager.loadPlugins();
        manager.startPlugins();
        step("PF4J, " + manager.getPlugins().size() + " plugins");
        JsonNode tree = new YAMLMapper().readTree(spec.toFile());
        Map<?, ?> model = new ObjectMapper().convertValue(tree, Map.class);
        step("Jackson YAML");
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
        StringWriter rendered = new StringWriter();
        new Template("floor", TEMPLATE, configuration).process(model, rendered);
        step("FreeMarker");
        ObjectMapper json = new ObjectMapper();
        Files.writeString(output, json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(rendered.toString())));
        step("Jackson JSON");
        return 0;
    }

    private void step(String name) {
        long now = System.nanoTime();
        if (Boolean.getBoolean("floor.verbose")) {
            System.err.printf("%s: %d ms%n", name, (now - mark) / 1_000_000);
        }
        mark = now;
    }
}
