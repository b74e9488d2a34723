package dev.ecsgen.plugins.amimap;

import dev.ecsgen.api.AmiContribution;
import dev.ecsgen.api.AmiSource;
import dev.ecsgen.api.AmiSpec;
import dev.ecsgen.api.Cfn;
import dev.ecsgen.api.InvalidSpecException;
import dev.ecsgen.api.UserDataFormat;
import dev.ecsgen.plugins.amimap.AmiMapFile.Entry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Pinned images: one AMI id per region, read from a map file when the template is generated. The
 * template gets the map as a {@code Mappings} entry, looks the image up with
 * {@code Fn::FindInMap [AmiRegionMap, {Ref: AWS::Region}, column]}, and carries a {@code Rules} entry
 * that fails a deployment to a region the map lacks before any resource is created. The column is the
 * architecture without its underscore ({@code x8664}, {@code arm64}), because CloudFormation rejects a
 * second-level mapping key that is not alphanumeric when the stack is deployed.
 *
 * <p>The variant names the architecture column and the user data format: {@code x86_64} (the
 * default) and {@code arm64} for the ECS-optimized Amazon Linux images, {@code bottlerocket} and
 * {@code bottlerocket-arm64} for Bottlerocket, whose user data is TOML. A map file of the form
 * {@code region: ami-id} contains images of the variant's architecture.
 */
@Extension
public class RegionMapAmiSource implements AmiSource {
    /** The {@code Mappings} entry this source writes. */
    static final String MAP_NAME = "AmiRegionMap";
    /** The {@code Rules} entry this source writes. */
    static final String RULE_NAME = "RegionInAmiRegionMap";

    private record Variant(String architecture, UserDataFormat userDataFormat) {
        String column() {
            return architecture.replace("_", "");
        }
    }

    private static final Map<String, Variant> VARIANTS = variants(
            "x86_64", new Variant("x86_64", UserDataFormat.SHELL),
            "arm64", new Variant("arm64", UserDataFormat.SHELL),
            "bottlerocket", new Variant("x86_64", UserDataFormat.TOML),
            "bottlerocket-arm64", new Variant("arm64", UserDataFormat.TOML));

    private static Map<String, Variant> variants(Object... namesAndVariants) {
        Map<String, Variant> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndVariants.length; i += 2) {
            map.put((String) namesAndVariants[i], (Variant) namesAndVariants[i + 1]);
        }
        return map;
    }

    @Override
    public String id() {
        return "region-map";
    }

    @Override
    public Set<String> variants() {
        return VARIANTS.keySet();
    }

    @Override
    public AmiContribution contribute(AmiSpec spec) {
        if (spec.file() == null) {
            throw new InvalidSpecException("file", "the region-map source needs 'file', a YAML or JSON map of"
                    + " region to AMI id relative to the spec, such as amis.yaml; 'ecsgen ami export' writes one");
        }
        if (spec.pin() != null) {
            throw new InvalidSpecException("pin", "the region-map source takes its AMI ids from 'file': remove"
                    + " 'pin', or use source ecs-optimized with 'pin' for one image in every region");
        }
        if ("launch".equals(spec.resolve())) {
            throw new InvalidSpecException("resolve", "the region-map source writes fixed AMI ids into the template,"
                    + " so there is nothing to resolve at launch: remove 'resolve'");
        }
        String variantName = spec.variant() == null ? "x86_64" : spec.variant();
        Variant variant = VARIANTS.get(variantName);
        Path file = spec.baseDir() == null ? Path.of(spec.file()) : spec.baseDir().resolve(spec.file());
        Map<String, Entry> entries;
        try {
            entries = AmiMapFile.read(file, file.normalize().toString());
        } catch (AmiMapFile.MapFileException e) {
            throw new InvalidSpecException("file", e.getMessage());
        }

        Map<String, Object> rows = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Entry entry : entries.values()) {
            String image = entry.flat() ? entry.image() : entry.byArchitecture().get(variant.architecture());
            if (image == null) {
                missing.add(file.normalize() + ":" + entry.line() + ": region " + entry.region() + " has no "
                        + variant.architecture() + " image, which variant " + variantName + " needs: add one,"
                        + " or remove the region");
                continue;
            }
            rows.put(entry.region(), Cfn.object(variant.column(), image));
        }
        if (!missing.isEmpty()) {
            throw new InvalidSpecException("file", String.join("\n", missing));
        }

        List<String> regions = List.copyOf(rows.keySet());
        Object imageId = Cfn.findInMap(MAP_NAME, Cfn.ref("AWS::Region"), variant.column());
        Map<String, Object> mappings = Map.of(MAP_NAME, rows);
        Map<String, Object> rules = Map.of(RULE_NAME, Cfn.object("Assertions", List.of(Cfn.object(
                "Assert", Cfn.object("Fn::Contains", List.of(regions, Cfn.ref("AWS::Region"))),
                "AssertDescription", assertDescription(spec.file(), regions)))));
        return new AmiContribution(imageId, Map.of(), mappings, rules, variant.userDataFormat());
    }

    private static String assertDescription(String file, List<String> regions) {
        return "This template pins its AMI per region and has one for " + listed(regions)
                + " only. Deploy it to one of those regions, or add this region to " + file
                + " and generate the template again.";
    }

    private static String listed(List<String> regions) {
        if (regions.size() == 1) {
            return regions.get(0);
        }
        return String.join(", ", regions.subList(0, regions.size() - 1)) + " and " + regions.get(regions.size() - 1);
    }
}
