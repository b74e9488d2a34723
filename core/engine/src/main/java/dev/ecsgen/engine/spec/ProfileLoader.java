package dev.ecsgen.engine.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.JsonPointers;
import dev.ecsgen.engine.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an organization profile from YAML with the spec's limits, rejecting unknown keys and invalid
 * values with a message that names the file, line and column.
 */
public final class ProfileLoader {
    static final Pattern NAME_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,31}");
    static final Pattern INSTANCE_TYPE_GLOB = Pattern.compile("[a-z0-9.*?-]{1,64}");
    static final Pattern AMI_VARIANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern REGISTRY_NAME = Pattern.compile("[A-Za-z0-9.:-]{1,255}");

    private final ObjectMapper yaml = new SpecLoader().yamlMapper();

    /** Loads and checks the profile in {@code file}. */
    public LoadedProfile load(Path file) {
        String name = file.toString();
        String content = read(file, name);
        SourceMap sources = null;
        OrgProfile profile;
        try {
            sources = SourceMap.scan(name, yaml.getFactory(), content);
            if (!content.isBlank() && !yaml.readTree(content).isObject()) {
                throw EcsgenException.invalidInput(name + ": the profile must be a mapping with the keys"
                        + " defaults, tags and rules");
            }
            profile = yaml.readValue(content, OrgProfile.class);
        } catch (JsonProcessingException e) {
            throw EcsgenException.invalidInput(SpecLoader.describe(name, "YAML", e, sources));
        } catch (IOException e) {
            throw EcsgenException.invalidInput(name + ": cannot parse the profile: " + e.getMessage());
        }
        if (profile == null) {
            profile = new OrgProfile(null, null, null);
        }
        check(profile, sources);
        return new LoadedProfile(profile, file, sources);
    }

    private static void check(OrgProfile profile, SourceMap sources) {
        SpecProblems problems = new SpecProblems(sources);
        OrgProfile.Defaults defaults = profile.defaults();
        if (defaults != null) {
            if (defaults.namePrefix() != null && !NAME_PREFIX.matcher(defaults.namePrefix()).matches()) {
                problems.invalid("/defaults/namePrefix", defaults.namePrefix(),
                        "a letter, then up to 31 letters, digits and '-', such as acme-");
            }
            if (defaults.cluster() != null && defaults.cluster().instanceType() != null
                    && !SpecValidator.INSTANCE_TYPE.matcher(defaults.cluster().instanceType()).matches()) {
                problems.invalid("/defaults/cluster/instanceType", defaults.cluster().instanceType(),
                        "an EC2 instance type such as t3.micro");
            }
            if (defaults.ami() != null && defaults.ami().variant() != null
                    && !AMI_VARIANT.matcher(defaults.ami().variant()).matches()) {
                problems.invalid("/defaults/ami/variant", defaults.ami().variant(),
                        "an AMI variant of the spec's AMI source, such as al2023");
            }
        }
        if (profile.tags() != null) {
            for (Map.Entry<String, String> tag : profile.tags().entrySet()) {
                String at = JsonPointers.child("/tags", tag.getKey());
                String key = tag.getKey();
                if (key.isEmpty() || key.length() > 128 || !SpecValidator.TAG_TEXT.matcher(key).matches() || key.startsWith("aws:")) {
                    problems.conflict(at, "invalid tag key " + SpecProblems.quote(key)
                            + ": expected 1 to 128 letters, digits, spaces and _ . : / = + - @, not starting with 'aws:'");
                }
                String value = tag.getValue();
                if (value == null || value.length() > 256 || !SpecValidator.TAG_TEXT.matcher(value).matches()) {
                    problems.invalid(at, value, "up to 256 letters, digits, spaces and _ . : / = + - @; quote numbers");
                }
            }
        }
        OrgProfile.Rules rules = profile.rules();
        if (rules != null) {
            checkList(problems, "/rules/allowedRegistries", rules.allowedRegistries(), REGISTRY_NAME,
                    "a registry type such as dockerhub or a registry host such as registry.example.com:5000");
            checkList(problems, "/rules/allowedInstanceTypes", rules.allowedInstanceTypes(), INSTANCE_TYPE_GLOB,
                    "an instance type or a pattern with * and ?, such as t3.* or m6i.large");
        }
        problems.throwIfAny();
    }

    private static void checkList(SpecProblems problems, String pointer, List<String> values, Pattern form, String expected) {
        if (values == null) {
            return;
        }
        if (values.isEmpty()) {
            problems.invalid(pointer, "[]", "at least one entry; remove the rule to allow everything");
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !form.matcher(value).matches()) {
                problems.invalid(pointer + "/" + i, value, expected);
            }
        }
    }

    private static String read(Path file, String name) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw EcsgenException.invalidInput(name + ": is a directory: expected a profile file (.yaml)");
            }
            if (Files.size(file) > SpecLoader.MAX_FILE_BYTES) {
                throw EcsgenException.invalidInput(name + ": the profile is larger than " + SpecLoader.MAX_FILE_BYTES
                        + " bytes: a profile holds defaults, tags and rules only");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw EcsgenException.invalidInput(name + ": profile file not found: check the --profile path");
        } catch (IOException e) {
            throw EcsgenException.invalidInput(name + ": cannot read the profile: " + e.getMessage());
        }
        try {
            return Utf8Text.decode(bytes);
        } catch (Utf8Text.NotUtf8Exception e) {
            throw EcsgenException.invalidInput(name + e.where() + ": the profile is not valid UTF-8 (byte "
                    + e.badByte() + "): save it as UTF-8");
        }
    }
}
