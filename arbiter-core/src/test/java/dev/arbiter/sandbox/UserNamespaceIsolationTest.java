package dev.arbiter.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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
    void itCannotReadTheCallersOwnPrivateFilesInTheCheckout() throws IOException {
        // It keeps the caller's uid outside the namespace, so only hiding the directory keeps an owner-only file safe.
        Path secret = Files.writeString(Path.of("target", marker).toAbsolutePath(), "token");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        try {
            ExecutionResult r = sandbox.run("""
                    try:
                        print(open('%s').read())
                    except OSError as e:
                        print('refused', e.strerror)
                    """.formatted(secret));

            assertThat(r.stdout()).isEqualTo("refused No such file or directory\n");
        } finally {
            Files.deleteIfExists(secret);
        }
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
                    open('/usr/arbiter-escape', 'w')
                except OSError as e:
                    print('usr:', e.strerror)
                """);

        assertThat(r.stdout()).isEqualTo("network: Network is unreachable\nusr: Read-only file system\n");
    }
}
