package dev.ecsgen.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.GenerateOptions;
import dev.ecsgen.engine.StackGenerator;
import dev.ecsgen.engine.plan.StackPlan;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.ClassPathPlugins;
import dev.ecsgen.engine.write.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading an organization profile, merging it under a spec, and each of its rules. */
class ProfileTest {
    private static final String SPEC = """
            name: shop
            registries:
              - type: dockerhub
            tasks:
              - name: web
                containers:
                  - name: app
                    image: exampleorg/app:1.0
                    private: true
            tags:
              owner: shop-team
            """;

    private static final PluginCatalog plugins = ClassPathPlugins.catalog();

    @TempDir
    Path dir;

    private StackPlan plan(String spec, String profile) throws IOException {
        Path specFile = Files.writeString(dir.resolve("spec.yaml"), spec);
        Path profileFile = Files.writeString(dir.resolve("profile.yaml"), profile);
        StackGenerator generator = new StackGenerator(plugins,
                new GenerateOptions(OutputFormat.JSON, false, List.of(), null, List.of(), profileFile));
        return generator.plan(generator.load(specFile));
    }

    private String specAt(String position) {
        return dir.resolve("spec.yaml") + ":" + position;
    }

    private String profileAt(String position) {
        return dir.resolve("profile.yaml") + ":" + position;
    }

    @Test
    @SuppressWarnings("unchecked")
    void defaultsAndTagsMergeUnderSpec() throws IOException {
        StackPlan plan = plan(SPEC, """
                defaults:
                  namePrefix: acme-
                  cluster:
                    instanceType: t3.small
                  ami:
                    variant: al2
                tags:
                  owner: platform
                  cost-centre: "4711"
                """);
        Map<String, Object> model = plan.model();
        assertThat(((Map<String, Object>) model.get("stack")).get("name")).isEqualTo("acme-shop");
        assertThat(((Map<String, Object>) model.get("cluster")).get("instanceType")).isEqualTo("t3.small");
        assertThat(((Map<String, Object>) model.get("ami")).get("variant")).isEqualTo("al2");
        assertThat(model.get("tags").toString()).isEqualTo("{owner=shop-team, cost-centre=4711}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void specValuesWinOverDefaults() throws IOException {
        String spec = SPEC.replace("name: shop\n", "name: acme-shop\ncluster:\n  instanceType: m6i.large\nami:\n  variant: al2023\n");
        Map<String, Object> model = plan(spec, """
                defaults:
                  namePrefix: acme-
                  cluster: {instanceType: t3.small}
                  ami: {variant: al2}
                """).model();
        assertThat(((Map<String, Object>) model.get("stack")).get("name")).isEqualTo("acme-shop");
        assertThat(((Map<String, Object>) model.get("cluster")).get("instanceType")).isEqualTo("m6i.large");
        assertThat(((Map<String, Object>) model.get("ami")).get("variant")).isEqualTo("al2023");
    }

    @Test
    void allowedInstanceTypesRule() throws IOException {
        String spec = SPEC.replace("name: shop\n", "name: shop\ncluster:\n  instanceType: m5.large\n");
        String profile = "rules:\n  allowedInstanceTypes: [\"t3.*\", m6i.large]\n";
        assertThatThrownBy(() -> plan(spec, profile))
                .isInstanceOf(EcsgenException.class)
                .hasMessage(specAt("3:17") + ": cluster.instanceType 'm5.large' breaks rule allowedInstanceTypes of profile "
                        + profileAt("2:3") + ", which allows t3.*, m6i.large: set cluster.instanceType to a matching type")
                .extracting(e -> ((EcsgenException) e).exitCode()).isEqualTo(1);
        assertThat(plan(spec.replace("m5.large", "t3.xlarge"), profile).model()).containsKey("cluster");
    }

    @Test
    void allowedInstanceTypesRuleBlamesProfileDefault() throws IOException {
        String profile = "defaults:\n  cluster:\n    instanceType: c5.large\nrules:\n  allowedInstanceTypes: [\"t3.*\"]\n";
        assertThatThrownBy(() -> plan(SPEC, profile))
                .hasMessage(profileAt("3:5") + " (the profile's default; the spec " + dir.resolve("spec.yaml")
                        + " sets none): cluster.instanceType 'c5.large' breaks rule allowedInstanceTypes of profile "
                        + profileAt("5:3") + ", which allows t3.*: set cluster.instanceType to a matching type");
    }

    @Test
    void allowedRegistriesRuleChecksEntriesAndImages() throws IOException {
        String spec = SPEC.replace("        private: true\n",
                "        private: true\n      - name: side\n        image: ghcr.io/org/side:1\n");
        assertThatThrownBy(() -> plan(spec, "rules:\n  allowedRegistries: [quay]\n"))
                .hasMessage(specAt("3:5") + ": registries[0] (type dockerhub, hosts docker.io, index.docker.io, registry-1.docker.io)"
                        + " breaks rule allowedRegistries of profile " + profileAt("2:3") + ", which allows quay:"
                        + " use an allowed registry, or ask the profile's owners to add it\n"
                        + specAt("11:16") + ": container side in task web pulls 'ghcr.io/org/side:1' from ghcr.io, which breaks rule"
                        + " allowedRegistries of profile " + profileAt("2:3") + ", which allows quay: pull the image from an allowed registry");
        assertThat(plan(spec, "rules:\n  allowedRegistries: [dockerhub, ghcr.io]\n").model()).containsKey("tasks");
        assertThat(plan(spec, "rules:\n  allowedRegistries: [docker.io, GHCR.IO]\n").model()).containsKey("tasks");
    }

    @Test
    void registryTypeAllowsPublicImagesFromItsHosts() throws IOException {
        String spec = """
                name: shop
                tasks:
                  - name: web
                    containers:
                      - name: app
                        image: nginx:1.27
                      - name: side
                        image: quay.io/org/side:1
                """;

        assertThat(plan(spec, "rules:\n  allowedRegistries: [dockerhub, quay]\n").model()).containsKey("tasks");
        assertThatThrownBy(() -> plan(spec, "rules:\n  allowedRegistries: [dockerhub]\n"))
                .hasMessageContaining("pulls 'quay.io/org/side:1' from quay.io, which breaks rule allowedRegistries")
                .hasMessageNotContaining("nginx");
    }

    @Test
    void requireTaskCredentialsRule() throws IOException {
        assertThatThrownBy(() -> plan(SPEC, "rules:\n  requireTaskCredentials: true\n"))
                .hasMessage(specAt("3:5") + ": registries[0] (dockerhub) uses auth 'agent', which breaks rule requireTaskCredentials of profile "
                        + profileAt("2:3") + ": set auth: task so that only the task execution role can read the credentials");
        assertThat(plan(SPEC.replace("- type: dockerhub", "- type: dockerhub\n    auth: task"),
                "rules:\n  requireTaskCredentials: true\n").model()).containsKey("tasks");
        assertThat(plan(SPEC, "rules:\n  requireTaskCredentials: false\n").model()).containsKey("tasks");
    }

    @Test
    void unknownProfileKeyNamesLineAndColumn() {
        assertThatThrownBy(() -> plan(SPEC, "defaults:\n  cluster:\n    instanceTyp: t3.small\n"))
                .hasMessage(profileAt("3:5") + ": unknown key 'instanceTyp' in defaults.cluster: did you mean 'instanceType'?"
                        + " Expected one of instanceType")
                .extracting(e -> ((EcsgenException) e).exitCode()).isEqualTo(2);
        assertThatThrownBy(() -> plan(SPEC, "tags: {a: b}\nrule: {}\n"))
                .hasMessage(profileAt("2:1") + ": unknown key 'rule' in the top level: did you mean 'rules'?"
                        + " Expected one of defaults, rules, tags");
    }

    @Test
    void invalidProfileValuesAreListed() {
        assertThatThrownBy(() -> plan(SPEC, """
                defaults:
                  namePrefix: "-acme"
                tags:
                  owner: 'a"b'
                rules:
                  allowedInstanceTypes: []
                  allowedRegistries: ["bad host"]
                """))
                .hasMessage(profileAt("2:15") + ": invalid value '-acme' for defaults.namePrefix: expected a letter, then up to 31 letters, digits and '-', such as acme-\n"
                        + profileAt("4:10") + ": invalid value 'a\"b' for tags.owner: expected up to 256 letters, digits, spaces and _ . : / = + - @; quote numbers\n"
                        + profileAt("7:23") + ": invalid value 'bad host' for rules.allowedRegistries[0]: expected a registry type such as dockerhub or a registry host such as registry.example.com:5000\n"
                        + profileAt("6:25") + ": invalid value '[]' for rules.allowedInstanceTypes: expected at least one entry; remove the rule to allow everything");
    }

    @Test
    void missingProfileIsInvalidInput() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> new ProfileLoader().load(missing))
                .hasMessage(missing + ": profile file not found: check the --profile path");
    }

    @Test
    void tooLongPrefixedNameIsRejected() {
        String longName = "a".repeat(60);
        assertThatThrownBy(() -> plan(SPEC.replace("name: shop", "name: " + longName), "defaults:\n  namePrefix: acme-\n"))
                .hasMessage(specAt("1:7") + ": stack name 'acme-" + longName + "' (namePrefix 'acme-' of profile "
                        + profileAt("2:3") + " before the spec's name) is longer than 64 characters: shorten the spec's name");
    }

    @Test
    void globMatchesWholeType() {
        assertThat(ProfileRules.glob("t3.*").matcher("t3.micro").matches()).isTrue();
        assertThat(ProfileRules.glob("t3.*").matcher("t3a.micro").matches()).isFalse();
        assertThat(ProfileRules.glob("m?i.large").matcher("m6i.large").matches()).isTrue();
        assertThat(ProfileRules.glob("m6i.large").matcher("m6i.largeX").matches()).isFalse();
    }
}
