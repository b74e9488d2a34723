package dev.ecsgen.api;

import java.util.Map;

/**
 * How the launch template finds its image.
 *
 * @param imageId        the {@code ImageId} value: a {@code Ref}, an {@code Fn::FindInMap}, or a string
 * @param parameters     template parameters by logical id
 * @param mappings       {@code Mappings} entries by map name
 * @param rules          {@code Rules} entries by rule name
 * @param userDataFormat the user data language the image reads
 */
public record AmiContribution(
        Object imageId,
        Map<String, Object> parameters,
        Map<String, Object> mappings,
        Map<String, Object> rules,
        UserDataFormat userDataFormat) {
    public AmiContribution {
        parameters = Ordered.copy(parameters);
        mappings = Ordered.copy(mappings);
        rules = Ordered.copy(rules);
    }
}
