package dev.ecsgen.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsgen completion}: prints a shell completion script built from the command model. */
@Command(name = "completion",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints a completion script for bash or zsh that completes commands, options and enum values.",
            "bash: source <(ecsgen completion bash), or save it as ~/.local/share/bash-completion/completions/ecsgen.",
            "zsh: source <(ecsgen completion zsh) in ~/.zshrc; it loads zsh's bash completion support."
        })
public final class CompletionCommand implements Callable<Integer> {
    /** The shells a script can be printed for. */
    enum Shell {
        bash,
        zsh
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Override
    public Integer call() {
        String bash = AutoComplete.bash("ecsgen", spec.root().commandLine());
        PrintWriter out = spec.commandLine().getOut();
        if (shell == Shell.zsh) {
            out.print(zshPreamble());
        }
        out.print(bash);
        out.flush();
        return ExitCodes.OK;
    }

    /** Loads zsh's completion system and its bash emulation, which the picocli script needs. */
    static String zshPreamble() {
        return """
                # ecsgen completion for zsh: the bash script below, run through zsh's bashcompinit.
                autoload -U +X compinit && compinit
                autoload -U +X bashcompinit && bashcompinit
                """;
    }
}
