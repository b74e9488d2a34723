package dev.ecsgen.engine.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Runs every template rule and returns the findings, errors first. */
public final class TemplateChecker {
    private final List<TemplateRule> rules;

    public TemplateChecker() {
        this(List.of(new ReferenceRule(), new LimitRule(), new CredentialRule()));
    }

    public TemplateChecker(List<TemplateRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Returns a checker with {@code extra} rules run after the standard ones. */
    public TemplateChecker with(TemplateRule extra) {
        List<TemplateRule> all = new ArrayList<>(rules);
        all.add(extra);
        return new TemplateChecker(all);
    }

    public List<Finding> check(String file, JsonNode template, long bodyBytes) {
        TemplateContext context = new TemplateContext(file, template, bodyBytes);
        if (!template.isObject() || !template.has("Resources")) {
            context.error("", "template-shape", "a CloudFormation template is an object with a Resources section");
            return context.findings();
        }
        for (TemplateRule rule : rules) {
            rule.check(context);
        }
        List<Finding> findings = new ArrayList<>(context.findings());
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return findings;
    }
}
