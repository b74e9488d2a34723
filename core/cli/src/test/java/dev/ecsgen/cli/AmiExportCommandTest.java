package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecsgen.api.AmiSpec;
import dev.ecsgen.plugins.ami.EcsOptimizedAmiSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsgen ami export} against a stub of the SSM GetParameter JSON API on 127.0.0.1. The stub
 * reads the region from the request's SigV4 credential scope, and the SDK signs with dummy
 * credentials from system properties, so no request leaves the machine.
 */
class AmiExportCommandTest {
    private static final String AL2023 = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
    private static final Pattern SCOPE_REGION = Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/ssm/aws4_request");
    private static final Map<String, String> IMAGES = Map.of(
            "us-east-1", "ami-0a1b2c3d4e5f60718",
            "eu-west-1", "ami-1234abcd",
            "cn-north-1", "ami-0b2c3d4e5f6071829");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SAVED_PROPERTIES = new ConcurrentHashMap<>();

    private static HttpServer server;
    private static String endpoint;
    private static final List<JsonNode> REQUESTS = new CopyOnWriteArrayList<>();
    private static final List<String> TARGETS = new CopyOnWriteArrayList<>();
    private static final List<String> REGIONS = new CopyOnWriteArrayList<>();

    @TempDir
    Path folder;

    @BeforeAll
    static void startStub() throws IOException {
        setProperty("aws.accessKeyId", "test");
        setProperty("aws.secretAccessKey", "test");
        setProperty("aws.disableEc2Metadata", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", AmiExportCommandTest::handle);
        server.start();
        endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopStub() {
        server.stop(0);
        SAVED_PROPERTIES.forEach((name, value) -> {
            if (value.isEmpty()) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @BeforeEach
    void clearRequests() {
        REQUESTS.clear();
        TARGETS.clear();
        REGIONS.clear();
    }

    private static void setProperty(String name, String value) {
        String old = System.getProperty(name);
        SAVED_PROPERTIES.put(name, old == null ? "" : old);
        System.setProperty(name, value);
    }

    /** Returns, for GetParameter, the image of the signed region, or ParameterNotFound for any other region. */
    private static void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher matcher = SCOPE_REGION.matcher(authorization == null ? "" : authorization);
        String region = matcher.find() ? matcher.group(1) : "";
        REQUESTS.add(request);
        TARGETS.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")));
        REGIONS.add(region);
        String name = request.path("Name").asText();
        String image = IMAGES.get(region);
        int status;
        String body;
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        if (image == null) {
            status = 400;
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ParameterNotFound");
            body = JSON.writeValueAsString(Map.of("__type", "ParameterNotFound",
                    "message", "Parameter " + name + " not found."));
        } else {
            status = 200;
            body = JSON.writeValueAsString(Map.of("Parameter", Map.of(
                    "Name", name, "Type", "String", "Value", image, "Version", 42,
                    "ARN", "arn:aws:ssm:" + region + "::parameter" + name, "DataType", "aws:ec2:image")));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private List<Path> filesInFolder() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void exportWritesYamlMap() throws IOException {
        Path output = folder.resolve("amis.yaml");

        CliRun run = CliRun.of("ami", "export", "--variant", "al2023", "--regions", "us-east-1,eu-west-1",
                "-o", output.toString(), "--endpoint-url", endpoint);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(output)).isEqualTo("""
                # AMI ids of variant al2023 from the SSM public parameter
                # /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id, written by 'ecsgen ami export'.
                # Use with ami.source region-map and ami.variant x86_64.
                us-east-1:
                  x86_64: ami-0a1b2c3d4e5f60718
                eu-west-1:
                  x86_64: ami-1234abcd
                """);
        assertThat(run.err()).isEqualTo("""
                [1/2] us-east-1: ami-0a1b2c3d4e5f60718
                [2/2] eu-west-1: ami-1234abcd
                Wrote 2 regions to %s; use it with ami.source region-map, ami.file and ami.variant x86_64
                """.formatted(output));
        assertThat(REGIONS).containsExactly("us-east-1", "eu-west-1");
        assertThat(TARGETS).containsOnly("AmazonSSM.GetParameter");
        assertThat(REQUESTS).extracting(request -> request.path("Name").asText()).containsOnly(AL2023);
    }

    @Test
    void failingRegionWritesNothing() throws IOException {
        Path output = folder.resolve("amis.yaml");
        Files.writeString(output, "us-east-1: ami-0123456789abcdef0\n");

        CliRun run = CliRun.of("ami", "export", "--variant", "al2023", "--regions", "us-east-1,ap-south-2,eu-west-1",
                "-o", output.toString(), "--endpoint-url", endpoint);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.err()).isEqualTo("""
                [1/3] us-east-1: ami-0a1b2c3d4e5f60718
                [2/3] ap-south-2: failed: ParameterNotFound: Parameter %s not found.
                [3/3] eu-west-1: ami-1234abcd
                error: could not read %s in 1 of 3 regions (ap-south-2); nothing was written to %s: check the region\
                 names, the credentials for their partition, and that the variant is published there, or leave those\
                 regions out
                """.formatted(AL2023, AL2023, output));
        assertThat(REGIONS).containsExactly("us-east-1", "ap-south-2", "eu-west-1");
        assertThat(Files.readString(output)).isEqualTo("us-east-1: ami-0123456789abcdef0\n");
        assertThat(filesInFolder()).containsExactly(output);
    }

    @Test
    void jsonOutputAndChinaRegion() throws IOException {
        Path output = folder.resolve("amis.json");

        CliRun run = CliRun.of("ami", "export", "--variant", "al2023-arm64", "--regions", "cn-north-1",
                "-o", output.toString(), "--endpoint-url", endpoint, "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).as("--quiet prints only errors").isEmpty();
        assertThat(Files.readString(output)).isEqualTo("{\n  \"cn-north-1\" : {\n    \"arm64\" : \"ami-0b2c3d4e5f6071829\"\n  }\n}\n");
        assertThat(REQUESTS).extracting(request -> request.path("Name").asText())
                .containsExactly("/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id");
    }

    @Test
    void verboseTimesEachRegion() {
        Path output = folder.resolve("amis.yaml");

        CliRun run = CliRun.of("ami", "export", "--variant", "al2023", "--regions", "us-east-1",
                "-o", output.toString(), "--endpoint-url", endpoint, "--verbose");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("\\[1/1] us-east-1: ami-[0-9a-f]+ \\(\\d+ ms\\)\n");
    }

    @Test
    void unknownRegionRejectedBeforeAnyRequest() {
        Path output = folder.resolve("amis.yaml");

        CliRun run = CliRun.of("ami", "export", "--variant", "al2023", "--regions", "us-east-1,eu-wset-1",
                "-o", output.toString(), "--endpoint-url", endpoint);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("invalid --regions entry 'eu-wset-1': did you mean eu-west-1?\n");
        assertThat(REQUESTS).isEmpty();
        assertThat(output).doesNotExist();
    }

    @Test
    void unknownVariantRejected() {
        CliRun run = CliRun.of("ami", "export", "--variant", "al2024", "--regions", "us-east-1",
                "-o", folder.resolve("amis.yaml").toString(), "--endpoint-url", endpoint);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("invalid --variant 'al2024': expected one of al2023, al2023-arm64,"
                + " al2023-gpu, al2, al2-arm64, bottlerocket\n");
        assertThat(REQUESTS).isEmpty();
    }

    @Test
    void invalidEndpointRejected() {
        CliRun run = CliRun.of("ami", "export", "--variant", "al2023", "--regions", "us-east-1",
                "-o", folder.resolve("amis.yaml").toString(), "--endpoint-url", "127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("invalid --endpoint-url '127.0.0.1:1': expected http:// or https:// and a"
                + " host, such as https://ssm.us-east-1.amazonaws.com\n");
    }

    @Test
    void amiWithoutSubcommandIsUsageError() {
        CliRun run = CliRun.of("ami");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("missing command: try 'ecsgen ami export --help'\n");
    }

    @Test
    void exportedMapWorksWithRegionMapSource() throws IOException {
        Path map = folder.resolve("amis.yaml");
        CliRun export = CliRun.of("ami", "export", "--variant", "al2023", "--regions", "us-east-1,cn-north-1",
                "-o", map.toString(), "--endpoint-url", endpoint, "--quiet");
        Path spec = folder.resolve("stack.yaml");
        Files.writeString(spec, """
                name: exported
                ami:
                  source: region-map
                  file: amis.yaml
                  variant: x86_64
                tasks:
                  - name: web
                    containers:
                      - name: nginx
                        image: nginx:1.27
                """);

        CliRun generate = CliRun.of("generate", spec.toString(), "--quiet");

        assertThat(export.exitCode()).isZero();
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        JsonNode template = JSON.readTree(generate.out());
        assertThat(template.at("/Mappings/AmiRegionMap/cn-north-1/x8664").asText()).isEqualTo("ami-0b2c3d4e5f6071829");
        assertThat(template.at("/Rules/RegionInAmiRegionMap/Assertions/0/Assert/Fn::Contains/0").toString())
                .isEqualTo("[\"us-east-1\",\"cn-north-1\"]");
    }

    /** The export table repeats the ecs-optimized plugin's parameter names; both must agree. */
    @Test
    void variantsMatchEcsOptimizedPlugin() {
        EcsOptimizedAmiSource plugin = new EcsOptimizedAmiSource();

        assertThat(ExportVariant.ALL.keySet()).containsExactlyInAnyOrderElementsOf(plugin.variants());
        for (ExportVariant variant : ExportVariant.ALL.values()) {
            Object imageId = plugin.contribute(new AmiSpec("ecs-optimized", variant.name(), null, "launch", null, folder))
                    .imageId();
            assertThat(imageId).as(variant.name()).isEqualTo("resolve:ssm:" + variant.parameter());
        }
    }
}
