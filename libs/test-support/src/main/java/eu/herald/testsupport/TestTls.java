package eu.herald.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A key and self-signed certificate for 127.0.0.1 (or several loopback addresses), made with the JDK's keytool for
 * one test run: servers in tests (an SMTP relay, a push service, webhook receivers) present it, and clients trust it
 * explicitly, for those addresses only.
 *
 * @param server the TLS context a server presents the certificate with
 * @param certificate the certificate alone, PEM, for a client's trust material
 */
public record TestTls(SSLContext server, Path certificate) {

    public static final String HOST = "127.0.0.1";
    private static final String STORE_PASSWORD = "test-store";

    public static TestTls for127001(Path directory) throws Exception {
        return forAddresses(directory, List.of(HOST));
    }

    /**
     * One certificate naming every one of these IP addresses, so that servers on each of them present it and a
     * client trusts them all with one certificate.
     */
    public static TestTls forAddresses(Path directory, List<String> addresses) throws Exception {
        Files.createDirectories(directory);
        Path store = directory.resolve("server.p12");
        Path certificate = directory.resolve("server.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + addresses.get(0),
                "-ext",
                "SAN=" + addresses.stream().map(address -> "ip:" + address).collect(Collectors.joining(",")),
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                STORE_PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                store.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-file",
                certificate.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        return new TestTls(tls, certificate);
    }

    /** A client's TLS context that trusts this certificate and nothing else. */
    public SSLContext client() {
        try (InputStream in = Files.newInputStream(certificate)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(
                    "server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            managers.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, managers.getTrustManagers(), null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + certificate, e);
        }
    }

    private static void keytool(String... arguments) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
