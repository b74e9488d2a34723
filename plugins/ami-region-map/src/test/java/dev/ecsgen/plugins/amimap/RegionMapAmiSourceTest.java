package dev.ecsgen.plugins.amimap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsgen.api.AmiContribution;
import dev.ecsgen.api.AmiSpec;
import dev.ecsgen.api.InvalidSpecException;
import dev.ecsgen.api.UserDataFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionMapAmiSourceTest {
    private static final String US_EAST = "ami-0a1b2c3d4e5f60718";
    private static final String EU_WEST = "ami-1234abcd";
    private static final String ARM = "ami-0fedcba9876543210";

    @TempDir
    Path folder;

    private final RegionMapAmiSource source = new RegionMapAmiSource();

    private AmiContribution contribute(String fileName, String text, String variant) throws IOException {
        Files.writeString(folder.resolve(fileName), text);
        return source.contribute(new AmiSpec("region-map", variant, fileName, "parameter", null, folder));
    }

    private InvalidSpecException rejection(String fileName, String text, String variant) throws IOException {
        Files.writeString(folder.resolve(fileName), text);
        AmiSpec spec = new AmiSpec("region-map", variant, fileName, "parameter", null, folder);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> source.contribute(spec));
        assertThat(thrown).isInstanceOf(InvalidSpecException.class);
        return (InvalidSpecException) thrown;
    }

    private String path(String fileName) {
        return folder.resolve(fileName).normalize().toString();
    }

    @Test
    void flatMapBecomesMappingsAndRule() throws IOException {
        AmiContribution ami = contribute("amis.yaml", """
                # pinned images
                us-east-1: %s
                eu-west-1: %s
                """.formatted(US_EAST, EU_WEST), null);

        assertThat(ami.imageId()).isEqualTo(Map.of("Fn::FindInMap", List.of("AmiRegionMap", Map.of("Ref", "AWS::Region"), "x8664")));
        assertThat(ami.mappings()).isEqualTo(Map.of("AmiRegionMap", Map.of(
                "us-east-1", Map.of("x8664", US_EAST),
                "eu-west-1", Map.of("x8664", EU_WEST))));
        assertThat(ami.rules()).isEqualTo(Map.of("RegionInAmiRegionMap", Map.of("Assertions", List.of(Map.of(
                "Assert", Map.of("Fn::Contains", List.of(List.of("us-east-1", "eu-west-1"), Map.of("Ref", "AWS::Region"))),
                "AssertDescription", "This template pins its AMI per region and has one for us-east-1 and eu-west-1"
                        + " only. Deploy it to one of those regions, or add this region to amis.yaml and generate"
                        + " the template again.")))));
        assertThat(ami.parameters()).isEmpty();
        assertThat(ami.userDataFormat()).isEqualTo(UserDataFormat.SHELL);
    }

    @Test
    void regionOrderFollowsFile() throws IOException {
        AmiContribution ami = contribute("amis.yaml", """
                us-gov-west-1: %s
                cn-north-1: %s
                us-east-1: %s
                """.formatted(EU_WEST, ARM, US_EAST), "x86_64");

        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) ami.mappings().get("AmiRegionMap");
        assertThat(map.keySet()).containsExactly("us-gov-west-1", "cn-north-1", "us-east-1");
    }

    @Test
    void variantSelectsArchitectureColumn() throws IOException {
        String text = """
                us-east-1:
                  x86_64: %s
                  arm64: %s
                """.formatted(US_EAST, ARM);

        AmiContribution arm = contribute("amis.yaml", text, "arm64");
        AmiContribution intel = contribute("amis.yaml", text, "x86_64");

        assertThat(arm.mappings()).isEqualTo(Map.of("AmiRegionMap", Map.of("us-east-1", Map.of("arm64", ARM))));
        assertThat(arm.imageId()).isEqualTo(Map.of("Fn::FindInMap", List.of("AmiRegionMap", Map.of("Ref", "AWS::Region"), "arm64")));
        assertThat(intel.mappings()).isEqualTo(Map.of("AmiRegionMap", Map.of("us-east-1", Map.of("x8664", US_EAST))));
    }

    @Test
    void bottlerocketVariantsReadToml() throws IOException {
        String text = "us-east-1:\n  x86_64: " + US_EAST + "\n  arm64: " + ARM + "\n";

        AmiContribution intel = contribute("amis.yaml", text, "bottlerocket");
        AmiContribution arm = contribute("amis.yaml", text, "bottlerocket-arm64");

        assertThat(intel.userDataFormat()).isEqualTo(UserDataFormat.TOML);
        assertThat(intel.mappings()).isEqualTo(Map.of("AmiRegionMap", Map.of("us-east-1", Map.of("x8664", US_EAST))));
        assertThat(arm.userDataFormat()).isEqualTo(UserDataFormat.TOML);
        assertThat(arm.mappings()).isEqualTo(Map.of("AmiRegionMap", Map.of("us-east-1", Map.of("arm64", ARM))));
    }

    @Test
    void jsonMapFile() throws IOException {
        AmiContribution ami = contribute("amis.json", """
                {"cn-northwest-1": {"arm64": "%s"}}
                """.formatted(ARM), "arm64");

        assertThat(ami.mappings()).isEqualTo(Map.of("AmiRegionMap", Map.of("cn-northwest-1", Map.of("arm64", ARM))));
    }

    @Test
    void unknownRegionNamesFileAndLine() throws IOException {
        InvalidSpecException e = rejection("amis.yaml", """
                us-east-1: %s
                us-esat-1: %s
                mars-north-1: %s
                """.formatted(US_EAST, EU_WEST, ARM), null);

        assertThat(e.field()).isEqualTo("file");
        assertThat(e.getMessage()).isEqualTo(
                path("amis.yaml") + ":2:1: unknown region 'us-esat-1': did you mean us-east-1?\n"
                + path("amis.yaml") + ":3:1: unknown region 'mars-north-1': expected a region of the aws, aws-cn"
                + " or aws-us-gov partition, such as us-east-1, cn-north-1 or us-gov-west-1");
    }

    @Test
    void malformedIdNamesFileAndLine() throws IOException {
        InvalidSpecException e = rejection("amis.yaml", """
                us-east-1: %s
                eu-west-1: ami-0A1B2C3D
                ap-south-1:
                  arm64: ami-123
                """.formatted(US_EAST), "arm64");

        assertThat(e.getMessage()).isEqualTo(
                path("amis.yaml") + ":2:12: malformed AMI id 'ami-0A1B2C3D' for eu-west-1: expected ami- and 8 or 17"
                + " lowercase hexadecimal digits, such as ami-0123456789abcdef0\n"
                + path("amis.yaml") + ":4:10: malformed AMI id 'ami-123' for ap-south-1.arm64: expected ami- and 8 or"
                + " 17 lowercase hexadecimal digits, such as ami-0123456789abcdef0");
    }

    @Test
    void emptyFileRejected() throws IOException {
        InvalidSpecException e = rejection("amis.yaml", "# nothing yet\n", null);

        assertThat(e.getMessage()).isEqualTo(path("amis.yaml") + ":1:1: the map file is empty: list each region"
                + " with its AMI id, such as 'us-east-1: ami-0123456789abcdef0'");
    }

    @Test
    void emptyMapRejected() throws IOException {
        InvalidSpecException e = rejection("amis.json", "\n{ }\n", null);

        assertThat(e.getMessage()).isEqualTo(path("amis.json") + ":2:1: the map contains no regions: list each"
                + " region with its AMI id, such as 'us-east-1: ami-0123456789abcdef0'");
    }

    @Test
    void duplicateRegionRejected() throws IOException {
        InvalidSpecException e = rejection("amis.yaml", """
                us-east-1: %s
                eu-west-1: %s
                us-east-1: %s
                """.formatted(US_EAST, EU_WEST, ARM), null);

        assertThat(e.getMessage()).isEqualTo(path("amis.yaml") + ":3:1: duplicate region us-east-1, first given at"
                + " line 1: keep one entry per region");
    }

    @Test
    void duplicateRegionInJsonRejected() throws IOException {
        InvalidSpecException e = rejection("amis.json", """
                {
                  "us-east-1": "%s",
                  "us-east-1": "%s"
                }
                """.formatted(US_EAST, ARM), null);

        assertThat(e.getMessage()).isEqualTo(path("amis.json") + ":3:3: duplicate region us-east-1, first given at"
                + " line 2: keep one entry per region");
    }

    @Test
    void mixedFormsRejected() throws IOException {
        InvalidSpecException e = rejection("amis.yaml", """
                us-east-1: %s
                eu-west-1:
                  x86_64: %s
                """.formatted(US_EAST, EU_WEST), null);

        assertThat(e.getMessage()).isEqualTo(path("amis.yaml") + ":2:1: region eu-west-1 maps architectures, but"
                + " region us-east-1 at line 1 maps to one AMI id: use one form for the whole file");
    }

    @Test
    void unknownArchitectureAndWrongValueRejected() throws IOException {
        InvalidSpecException e = rejection("amis.yaml", """
                us-east-1:
                  amd64: %s
                eu-west-1: [%s]
                """.formatted(US_EAST, EU_WEST), null);

        assertThat(e.getMessage()).isEqualTo(
                path("amis.yaml") + ":2:3: unknown architecture 'amd64' for region us-east-1: expected x86_64 or arm64\n"
                + path("amis.yaml") + ":3:12: region eu-west-1 maps to a list: expected an AMI id such as"
                + " ami-0123456789abcdef0, or a map of architecture (x86_64, arm64) to AMI id");
    }

    @Test
    void regionWithoutVariantArchitectureRejected() throws IOException {
        InvalidSpecException e = rejection("amis.yaml", """
                us-east-1:
                  x86_64: %s
                  arm64: %s
                eu-west-1:
                  x86_64: %s
                """.formatted(US_EAST, ARM, EU_WEST), "arm64");

        assertThat(e.getMessage()).isEqualTo(path("amis.yaml") + ":4: region eu-west-1 has no arm64 image, which"
                + " variant arm64 needs: add one, or remove the region");
    }

    @Test
    void invalidYamlReportsLocation() throws IOException {
        InvalidSpecException e = rejection("amis.yaml", "us-east-1: ami-1234abcd\n  eu-west-1: ami-1234abcd\n", null);

        assertThat(e.getMessage()).isEqualTo(path("amis.yaml") + ":2:12: invalid YAML: mapping values are not allowed here");
    }

    @Test
    void missingFileRejected() {
        AmiSpec spec = new AmiSpec("region-map", null, "nowhere.yaml", "parameter", null, folder);

        assertThatThrownBy(() -> source.contribute(spec))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage(path("nowhere.yaml") + ": map file not found: create it, for example with"
                        + " 'ecsgen ami export', or correct ami.file (it is relative to the spec's folder)");
    }

    @Test
    void fileRequired() {
        AmiSpec spec = new AmiSpec("region-map", null, null, "parameter", null, folder);

        assertThatThrownBy(() -> source.contribute(spec))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("the region-map source needs 'file'")
                .extracting(e -> ((InvalidSpecException) e).field()).isEqualTo("file");
    }

    @Test
    void pinAndLaunchResolveRejected() {
        AmiSpec pinned = new AmiSpec("region-map", null, "amis.yaml", "parameter", US_EAST, folder);
        AmiSpec launch = new AmiSpec("region-map", null, "amis.yaml", "launch", null, folder);

        assertThatThrownBy(() -> source.contribute(pinned))
                .isInstanceOf(InvalidSpecException.class)
                .extracting(e -> ((InvalidSpecException) e).field()).isEqualTo("pin");
        assertThatThrownBy(() -> source.contribute(launch))
                .isInstanceOf(InvalidSpecException.class)
                .extracting(e -> ((InvalidSpecException) e).field()).isEqualTo("resolve");
    }

    @Test
    void variantsListed() {
        assertThat(source.variants()).containsExactly("x86_64", "arm64", "bottlerocket", "bottlerocket-arm64");
        assertThat(source.id()).isEqualTo("region-map");
    }
}
