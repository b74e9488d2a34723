package dev.ecsgen.engine.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.check.spec.ResourceSpecRule;
import dev.ecsgen.engine.check.spec.ResourceSpecification;
import dev.ecsgen.engine.template.TemplateFile;
import dev.ecsgen.engine.template.TemplateReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every template rule and returns the findings, errors first. */
public final class TemplateChecker {
    private final List<TemplateRule> rules;

    /** Creates the standard checker; equal to {@link #standard()}. */
    public TemplateChecker() {
        this(standardRules());
    }

    public TemplateChecker(List<TemplateRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Returns the checker that both {@code ecsgen generate} and {@code ecsgen validate} run. */
    public static TemplateChecker standard() {
        return new TemplateChecker(standardRules());
    }

    /** Returns the standard checker plus the resource specification checks. */
    public static TemplateChecker standard(ResourceSpecification specification) {
        return standard().with(new ResourceSpecRule(specification));
    }

    private static List<TemplateRule> standardRules() {
        return List.of(new ReferenceRule(), new IntrinsicNestingRule(), new LimitRule(), new CredentialRule(),
                new EcsAgentAuthRule());
    }

    /** Returns a checker with {@code extra} rules run after the standard ones. */
    public TemplateChecker with(TemplateRule extra) {
        List<TemplateRule> all = new ArrayList<>(rules);
        all.add(extra);
        return new TemplateChecker(all);
    }

    /**
     * Checks a template.
     *
     * @param file      the file name for findings
     * @param bodyBytes the size of the template body as it will be uploaded
     * @return the findings, errors first, each severity in the order the rules found them
     */
    public List<Finding> check(String file, JsonNode template, long bodyBytes) {
        TemplateContext context = new TemplateContext(file, template, bodyBytes);
        if (!template.isObject() || !template.path("Resources").isObject()) {
            context.error("", "template-shape", "a CloudFormation template is an object with a Resources section");
            return context.findings();
        }
        for (TemplateRule rule : rules) {
            rule.check(context);
        }
        List<Finding> findings = new ArrayList<>(context.findings());
        findings.sort(Comparator.comparing(Finding::severity));
        return findings;
    }

    /** Checks a template read by {@link TemplateReader}, with the line of each finding filled in. */
    public List<Finding> check(TemplateFile file) {
        return check(file.file(), file.template(), file.bytes()).stream()
                .map(finding -> finding.withLine(file.lineOf(finding.path())))
                .toList();
    }
}
