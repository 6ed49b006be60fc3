package io.snapkeep.catalog.service;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/** Checks an instance's {@code sslRootCert}: one or more PEM X.509 certificates and nothing else. */
final class RootCertificates {
    static final String FIELD = "connection.sslRootCert";
    static final int MAX_LENGTH = 64 * 1024;
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

    private RootCertificates() {
    }

    /** @throws CatalogException 400 naming {@value #FIELD} when {@code pem} is not PEM X.509 certificates */
    static void check(String pem) {
        if (pem.length() > MAX_LENGTH) {
            throw invalid("sslRootCert is longer than " + MAX_LENGTH + " characters: give the CA certificate only.");
        }
        if (pem.contains("PRIVATE KEY")) {
            throw invalid("sslRootCert holds a private key: give only the CA's certificate, which is public.");
        }
        if (!pem.strip().startsWith(BEGIN)) {
            throw invalid("sslRootCert must be a PEM certificate, starting with " + BEGIN + ".");
        }
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            if (x509.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).isEmpty()) {
                throw invalid("sslRootCert holds no certificate: give the CA certificate in PEM.");
            }
        } catch (CertificateException e) {
            throw invalid("sslRootCert is not a valid PEM X.509 certificate: give the CA certificate as its file"
                    + " holds it, BEGIN and END lines included.");
        }
    }

    private static CatalogException invalid(String detail) {
        return CatalogException.invalid(FIELD, detail);
    }
}
