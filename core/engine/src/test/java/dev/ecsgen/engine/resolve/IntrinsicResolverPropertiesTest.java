package dev.ecsgen.engine.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dev.ecsgen.engine.resolve.IntrinsicResolverTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class IntrinsicResolverPropertiesTest {
    private static final JsonNode TEMPLATE = yaml("""
            Parameters:
              U: {Type: String}
              P: {Type: String, NoEcho: true}
            Resources:
              LT:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  UserData: {Fn::Base64: {Fn::Join: ['', [{Ref: U}, ':', {Ref: P}]]}}
            """);

    /** Strings that mix shell and JSON metacharacters, line breaks and non-ASCII text with arbitrary Unicode. */
    @Provide
    Arbitrary<String> awkward() {
        Arbitrary<String> special = Arbitraries.of("\"", "'", "\\", "$", "`", "\n", "\r\n", "${X}", "${!Y}", ":", ",",
                "é", "日本", "😀", " ", "\t", "");
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(12);
        return Arbitraries.oneOf(special, any).list().ofMaxSize(8).map(parts -> String.join("", parts));
    }

    @Property
    void base64JoinRoundTrip(@ForAll("awkward") String u, @ForAll("awkward") String p) {
        IntrinsicResolver resolver = new IntrinsicResolver(TEMPLATE, Map.of("U", u, "P", p), PseudoParameters.defaults());

        JsonNode encoded = resolver.resolveAt("/Resources/LT/Properties/UserData");

        String decoded = new String(Base64.getDecoder().decode(encoded.textValue()), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(u + ":" + p);
    }

    @Property
    void subLeavesValuesVerbatim(@ForAll("awkward") String u) {
        // A substituted value is not scanned again, so a "${...}" inside it stays as it is.
        IntrinsicResolver resolver = new IntrinsicResolver(TEMPLATE, Map.of("U", u, "P", "x"), PseudoParameters.defaults());

        JsonNode value = resolver.resolve(yaml("{Fn::Sub: '[${U}]'}"));

        assertThat(value.textValue()).isEqualTo("[" + u + "]");
    }
}
