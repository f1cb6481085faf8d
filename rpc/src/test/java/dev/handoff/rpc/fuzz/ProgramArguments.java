package dev.handoff.rpc.fuzz;

import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import java.util.Arrays;
import java.util.List;

/**
 * Feeds fuzz input to the argument reader of one procedure of a program's real dispatch table. Input layout:
 * byte 0 the version, byte 1 the procedure, the rest the arguments. A byte naming no version (procedure) picks
 * one by its value modulo the count, so that every input reaches some reader; seeds captured from clients carry
 * the real numbers.
 */
public final class ProgramArguments {
    private final List<ProgramVersion> versions;

    public ProgramArguments(RpcProgram program) {
        this.versions = List.copyOf(program.versions().values());
    }

    public void decode(byte[] input) {
        if (input.length < 2) {
            return;
        }
        ProgramVersion version = pick(versions, input[0] & 0xff, versions.stream().map(ProgramVersion::version).toList());
        List<Procedure<?, ?>> procs = version.procedures();
        Procedure<?, ?> proc = pick(procs, input[1] & 0xff, procs.stream().map(Procedure::number).toList());
        FuzzChecks.decodes(proc.arguments(), Arrays.copyOfRange(input, 2, input.length));
    }

    private static <T> T pick(List<T> items, int wanted, List<Integer> numbers) {
        int exact = numbers.indexOf(wanted);
        return items.get(exact >= 0 ? exact : wanted % items.size());
    }
}
