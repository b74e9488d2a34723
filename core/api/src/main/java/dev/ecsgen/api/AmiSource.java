package dev.ecsgen.api;

import java.util.Set;
import org.pf4j.ExtensionPoint;

/** Tells the launch template which machine image to boot. */
public interface AmiSource extends ExtensionPoint {

    /** Returns the source id the spec names in {@code ami.source}, such as {@code ecs-optimized}. */
    String id();

    /** Returns the variants this source accepts; the spec's {@code ami.variant} must be one of them. */
    Set<String> variants();

    /**
     * Returns the image expression and the template sections it needs.
     *
     * @throws InvalidSpecException when a field of the {@code ami} section is invalid
     */
    AmiContribution contribute(AmiSpec spec);
}
