package dev.trailindex.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS trust of {@code --opensearch-ca}: the certificates of one PEM (or DER) file, and only those. */
final class CaFile {
    private CaFile() {
    }

    /** An SSL context trusting the file's certificates; a missing or unreadable file is one line. */
    static SSLContext sslContext(Path file) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certificates(file)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the CA file " + file + ": " + e.getMessage(), e);
        }
    }

    static Collection<? extends Certificate> certificates(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the CA file " + file + " does not exist or is not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("the CA file " + file + " holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)");
            }
            return certs;
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException("the CA file " + file + " holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the CA file " + file + ": " + e.getMessage(), e);
        }
    }
}
