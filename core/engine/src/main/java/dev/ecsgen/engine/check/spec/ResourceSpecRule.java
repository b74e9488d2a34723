package dev.ecsgen.engine.check.spec;

import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.check.TemplateContext;
import dev.ecsgen.engine.check.TemplateRule;
import java.util.Objects;

/** Runs the {@link ResourceSpecChecker} as one rule of a {@link dev.ecsgen.engine.check.TemplateChecker}. */
public final class ResourceSpecRule implements TemplateRule {
    private final ResourceSpecChecker checker;

    public ResourceSpecRule(ResourceSpecification specification) {
        this.checker = new ResourceSpecChecker(Objects.requireNonNull(specification, "specification"));
    }

    @Override
    public void check(TemplateContext context) {
        for (Finding finding : checker.check(context.file(), context.template())) {
            context.add(finding);
        }
    }
}
