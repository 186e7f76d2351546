package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.TestSupport;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** serve's startup errors: one line that says what to do, never an exception's name. */
class ServeCommandTest {
    record Run(int code, String stderr) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayOutputStream(), err);
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    static String index() throws Exception {
        return TestSupport.indexed(TestSupport.SAMPLES).dir().toString();
    }

    static void assertOneLine(Run r, String stderr) {
        assertEquals(stderr + "\n", r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
    }

    @Test
    void aPortInUseNamesTheAddressAndSaysWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            Run r = run("serve", "--index", index(), "--port", String.valueOf(port));
            assertEquals(ExitCodes.ERROR, r.code(), r.stderr());
            assertOneLine(r, "trailindex: cannot listen on 127.0.0.1:" + port
                    + ": the address is already in use; pick another --port (0 picks a free one) or --bind address");
        }
    }

    @Test
    void anUnknownBindNameIsOneLine() throws Exception {
        Run r = run("serve", "--index", index(), "--bind", "nosuchhost");
        assertEquals(ExitCodes.ERROR, r.code(), r.stderr());
        assertOneLine(r, "trailindex: cannot resolve --bind nosuchhost");
    }

    @Test
    void outOfRangeNumbersNameTheOptionAndExitTwo() throws Exception {
        Run port = run("serve", "--index", index(), "--port", "99999");
        assertEquals(ExitCodes.USAGE, port.code(), port.stderr());
        assertTrue(port.stderr().startsWith("trailindex: --port must be between 0 and 65535 (0 picks a free one), not 99999\n"),
                port.stderr());
        for (String[] bad : new String[][] {{"--threads", "0"}, {"--max-connections", "0"}, {"--max-concurrent", "0"}}) {
            Run r = run("serve", "--index", index(), bad[0], bad[1]);
            assertEquals(ExitCodes.USAGE, r.code(), r.stderr());
            assertTrue(r.stderr().startsWith("trailindex: " + bad[0] + " must be at least 1\n"), r.stderr());
        }
        Run timeout = run("serve", "--index", index(), "--head-timeout", "0");
        assertEquals(ExitCodes.USAGE, timeout.code(), timeout.stderr());
        assertTrue(timeout.stderr().contains("--head-timeout"), timeout.stderr());
        Run host = run("serve", "--index", index(), "--allow-host", "a:b");
        assertEquals(ExitCodes.USAGE, host.code(), host.stderr());
        assertTrue(host.stderr().startsWith("trailindex: --allow-host: not a host name: a:b\n"), host.stderr());
    }

    @Test
    void helpNamesTheNewOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"serve", "--help"}, out, new ByteArrayOutputStream()));
        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        for (String option : new String[] {"--allow-host", "--head-timeout", "--response-timeout", "--max-connections", "DNS rebinding"}) {
            assertTrue(help.contains(option), option);
        }
    }
}
