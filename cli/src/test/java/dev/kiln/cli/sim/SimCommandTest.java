package dev.kiln.cli.sim;

import dev.kiln.cli.Invocation;
import dev.kiln.providers.sim.Datacenter;
import dev.kiln.providers.sim.Machine;
import dev.kiln.providers.sim.Member;
import dev.kiln.providers.sim.SimCluster;
import dev.kiln.providers.sim.SimPool;
import dev.kiln.providers.sim.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kiln sim} changes the simulated datacenter behind Kiln's back, and lists it without secrets. */
class SimCommandTest
{
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void datacenter()
    {
        Datacenter datacenter = Datacenter.open(directory.resolve(".kiln/sim"));
        datacenter.put(new Machine("node.worker[\"w1\"]", "id-1", "10.42.0.100", "worker-w1", Status.READY, null));
        datacenter.put(new Machine("node.control[0]", "id-0", "10.42.0.10", "control-0", Status.READY, null));
        datacenter.put(new SimCluster("cluster.demo", "c", "v1.31.2", "https://10.42.0.10:6443", "CA", "SECRET-KUBECONFIG", Status.READY, null));
        datacenter.put(new Member("cluster.demo", "node.control[0]", Member.CONTROL_PLANE, "10.42.0.10", "id-0", "v1.31.2", Status.READY));
        datacenter.put(new Member("cluster.demo", "node.worker[\"w1\"]", "default", "10.42.0.100", "id-1", "v1.31.2", Status.READY));
        datacenter.put(new SimPool("cluster.demo.pool[\"default\"]", "cluster.demo", "default", Status.READY, null));
    }

    @Test
    @DisplayName("kiln sim list shows every object by address, never the kubeconfig")
    void lists()
    {
        assertEquals(0, run("list"));
        assertEquals("""
                machine  node.control[0]  10.42.0.10  control-0  ready
                machine  node.worker["w1"]  10.42.0.100  worker-w1  ready
                cluster  cluster.demo  v1.31.2  https://10.42.0.10:6443  ready
                  member  control-plane  node.control[0]  10.42.0.10  v1.31.2  ready
                  member  default  node.worker["w1"]  10.42.0.100  v1.31.2  ready
                pool  cluster.demo.pool["default"]  cluster.demo  ready
                """, out.toString());
        assertFalse(out.toString().contains("SECRET"));
    }

    @Test
    @DisplayName("kiln sim remove-node takes a resource address, a host address or a host name")
    void removesNodes()
    {
        assertEquals(0, run("remove-node", "worker-w1"));
        assertEquals("Removed machine node.worker[\"w1\"] (10.42.0.100) from the simulated datacenter.\n", out.toString());
        assertEquals(0, run("remove-node", "node.control[0]"));
        assertTrue(reopen().machines().isEmpty());
    }

    @Test
    @DisplayName("An unknown node is an error that suggests a close name")
    void unknownNode()
    {
        assertEquals(2, run("remove-node", "node.control[1]"));
        assertTrue(err.toString().contains("No machine \"node.control[1]\" in the simulated datacenter. Did you mean \"node.control[0]\"?"), err.toString());
        assertEquals(2, reopen().machines().size());
    }

    @Test
    @DisplayName("kiln sim set-version changes a cluster and its members; a malformed version is refused")
    void setsVersion()
    {
        assertEquals(0, run("set-version", "demo", "v1.30.4"));
        Datacenter datacenter = reopen();
        assertEquals("v1.30.4", datacenter.cluster("cluster.demo").orElseThrow().version());
        assertTrue(datacenter.members("cluster.demo").stream().allMatch(member -> member.version().equals("v1.30.4")));
        assertEquals(2, run("set-version", "cluster.demo", "1.30"));
    }

    @Test
    @DisplayName("kiln sim set-version on a worker pool's address changes only that pool's nodes")
    void setsPoolVersion()
    {
        assertEquals(0, run("set-version", "cluster.demo.pool[\"default\"]", "v1.30.4"));
        assertEquals("The nodes of cluster.demo.pool[\"default\"] now run Kubernetes v1.30.4.\n", out.toString());
        Datacenter datacenter = reopen();
        assertEquals("v1.31.2", datacenter.cluster("cluster.demo").orElseThrow().version());
        assertEquals(List.of("v1.31.2", "v1.30.4"), datacenter.members("cluster.demo").stream().map(Member::version).toList());
    }

    @Test
    @DisplayName("kiln sim fail marks a machine and its memberships NotReady; recover undoes it")
    void failsAndRecovers()
    {
        assertEquals(0, run("fail", "10.42.0.100"));
        assertEquals(Status.NOT_READY, reopen().machineAt("10.42.0.100").orElseThrow().status());
        assertEquals(List.of(Status.READY, Status.NOT_READY), reopen().members("cluster.demo").stream().map(Member::status).toList());
        assertEquals(0, run("recover", "node.worker[\"w1\"]"));
        assertEquals(Status.READY, reopen().machineAt("10.42.0.100").orElseThrow().status());
    }

    @Test
    @DisplayName("Without a datacenter the commands say how to get one")
    void noDatacenter()
            throws Exception
    {
        Path empty = Files.createDirectory(directory.resolve("empty"));
        assertEquals(2, run(empty, "list"));
        assertTrue(err.toString().contains("No simulated datacenter in"), err.toString());
    }

    @Test
    @DisplayName("-chdir of the top-level command, before or after the subcommand, selects the working directory")
    void chdir()
            throws Exception
    {
        Path elsewhere = Files.createDirectory(directory.resolve("elsewhere"));
        for (List<String> arguments : List.of(List.of("-chdir=..", "sim", "list"), List.of("sim", "list", "-chdir=.."))) {
            StringWriter listed = new StringWriter();
            CommandLine top = new CommandLine(new Top());
            top.addSubcommand("sim", commandLine(elsewhere));
            top.setOut(new PrintWriter(listed, true));
            top.getSubcommands().get("sim").setOut(new PrintWriter(listed, true));
            top.getSubcommands().get("sim").getSubcommands().values().forEach(sub -> sub.setOut(new PrintWriter(listed, true)));
            assertEquals(0, top.execute(arguments.toArray(String[]::new)), err::toString);
            assertTrue(listed.toString().startsWith("machine  node.control[0]"), listed::toString);
        }
    }

    /** A stand-in for the top-level kiln command: -chdir inherited by every subcommand. */
    @Command(name = "kiln")
    static final class Top
    {
        @Option(names = {"-chdir", "--chdir"}, scope = ScopeType.INHERIT)
        String chdir;
    }

    private int run(String... arguments)
    {
        return run(directory, arguments);
    }

    private int run(Path workingDirectory, String... arguments)
    {
        CommandLine commandLine = commandLine(workingDirectory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }

    private static CommandLine commandLine(Path workingDirectory)
    {
        Invocation invocation = new Invocation(List.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of(), workingDirectory, false);
        CommandLine commandLine = new CommandLine(new SimCommand(invocation), new CommandLine.IFactory()
        {
            @Override
            public <K> K create(Class<K> type)
                    throws Exception
            {
                try {
                    var constructor = type.getDeclaredConstructor(Invocation.class);
                    constructor.setAccessible(true);
                    return constructor.newInstance(invocation);
                }
                catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        });
        return commandLine;
    }

    private Datacenter reopen()
    {
        return Datacenter.open(directory.resolve(".kiln/sim"));
    }
}
