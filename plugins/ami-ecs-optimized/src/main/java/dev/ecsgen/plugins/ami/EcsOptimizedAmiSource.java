package dev.ecsgen.plugins.ami;

import dev.ecsgen.api.AmiContribution;
import dev.ecsgen.api.AmiSource;
import dev.ecsgen.api.AmiSpec;
import dev.ecsgen.api.Cfn;
import dev.ecsgen.api.InvalidSpecException;
import dev.ecsgen.api.UserDataFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The ECS-optimized images (Amazon Linux and Bottlerocket), found through the SSM public parameters
 * AWS keeps current. The default form is a template parameter of type
 * {@code AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>}, resolved when the stack is created or
 * updated; {@code resolve: launch} writes {@code resolve:ssm:<parameter>} as the launch template's
 * image, which EC2 resolves each time it launches an instance; {@code pin} writes a fixed AMI id.
 */
@Extension
public class EcsOptimizedAmiSource implements AmiSource {
    /** SSM public parameter names by variant; Amazon Linux 2 reached end of life on 30 June 2026. */
    static final Map<String, String> PARAMETERS = parameterNames();
    /** The variants whose boot agent reads TOML settings instead of a shell script. */
    static final Set<String> TOML_VARIANTS = Set.of("bottlerocket");

    private static Map<String, String> parameterNames() {
        Map<String, String> map = new LinkedHashMap<>();
        String base = "/aws/service/ecs/optimized-ami/";
        map.put("al2023", base + "amazon-linux-2023/recommended/image_id");
        map.put("al2023-arm64", base + "amazon-linux-2023/arm64/recommended/image_id");
        map.put("al2023-gpu", base + "amazon-linux-2023/gpu/recommended/image_id");
        map.put("al2", base + "amazon-linux-2/recommended/image_id");
        map.put("al2-arm64", base + "amazon-linux-2/arm64/recommended/image_id");
        map.put("bottlerocket", "/aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id");
        return map;
    }

    @Override
    public String id() {
        return "ecs-optimized";
    }

    @Override
    public Set<String> variants() {
        return PARAMETERS.keySet();
    }

    @Override
    public AmiContribution contribute(AmiSpec spec) {
        if (spec.file() != null) {
            throw new InvalidSpecException("file", "the ecs-optimized source reads no map file: remove 'file',"
                    + " or use source region-map for pinned images");
        }
        if (spec.pin() != null && "launch".equals(spec.resolve())) {
            throw new InvalidSpecException("resolve", "'resolve: launch' looks the image up when an instance starts,"
                    + " and 'pin' fixes it: remove one of them");
        }
        String variant = spec.variant() == null ? "al2023" : spec.variant();
        String parameterName = PARAMETERS.get(variant);
        Map<String, Object> parameters = new LinkedHashMap<>();
        Object imageId;
        if (spec.pin() != null) {
            imageId = spec.pin();
        } else if ("launch".equals(spec.resolve())) {
            imageId = "resolve:ssm:" + parameterName;
        } else {
            parameters.put("ImageId", Cfn.object(
                    "Type", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
                    "Default", parameterName,
                    "Description", "ECS-optimized AMI (" + variant + "), read from this SSM public parameter"
                            + " when the stack is created or updated"));
            imageId = Cfn.ref("ImageId");
        }
        UserDataFormat format = TOML_VARIANTS.contains(variant) ? UserDataFormat.TOML : UserDataFormat.SHELL;
        return new AmiContribution(imageId, parameters, Map.of(), Map.of(), format);
    }
}
