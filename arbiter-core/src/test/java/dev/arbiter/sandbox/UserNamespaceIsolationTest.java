package dev.arbiter.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The level non-root users get, forced here so CI (root) exercises the launcher's user-namespace path: the
 * program is "root" inside a user namespace but must hold no capability, so it cannot undo the read-only mounts.
 */
class UserNamespaceIsolationTest {
    static Sandbox sandbox;
    final String marker = SandboxFixtures.marker();

    @BeforeAll
    static void open() {
        sandbox = Sandbox.openAt(SandboxFixtures.fast(), Isolation.USER_NAMESPACES);
    }

    @Test
    void theProgramHoldsNoCapabilityEvenAsNamespaceRoot() {
        ExecutionResult r = sandbox.run("""
                import os
                status = open('/proc/self/status').read().splitlines()
                print(os.getuid(), [l.split()[1] for l in status if l.startswith(('CapEff', 'CapBnd'))])
                """);

        assertThat(r.stdout()).isEqualTo("0 ['0000000000000000', '0000000000000000']\n");
    }

    @Test
    void itCannotUnmountItsPrivateTmpToReachTheHost() {
        Path escape = Path.of("/tmp", marker);

        ExecutionResult r = sandbox.run("""
                import ctypes, os
                libc = ctypes.CDLL(None, use_errno=True)
                print('umount', libc.umount2(b'/tmp', 2), os.strerror(ctypes.get_errno()))
                open('%s', 'w').write('escaped')
                """.formatted(escape));

        assertThat(r.stdout()).startsWith("umount -1 Operation not permitted");
        assertThat(escape).doesNotExist();
    }

    @Test
    void itHasNoNetworkAndAReadOnlyFileSystem() {
        ExecutionResult r = sandbox.run("""
                import socket
                try:
                    socket.create_connection(('127.0.0.1', 9), timeout=1)
                except OSError as e:
                    print('network:', e.strerror)
                try:
                    open('/etc/arbiter-escape', 'w')
                except OSError as e:
                    print('etc:', e.strerror)
                """);

        assertThat(r.stdout()).isEqualTo("network: Network is unreachable\netc: Read-only file system\n");
    }
}
