package dev.ecsgen.cli;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * Reads SSM public parameters with the AWS SDK for Java v2. This is the only class that uses the SDK,
 * so commands that do not export AMIs never load it.
 */
final class SsmImageLookup implements AutoCloseable {
    /** Limit of one GetParameter call, retries included. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final SdkHttpClient httpClient = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(30))
            .build();
    private final DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private final URI endpoint;

    /** @param endpoint the SSM endpoint for every region, or {@code null} for each region's own */
    SsmImageLookup(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Returns the value of {@code parameter} in {@code region}.
     *
     * @throws LookupException with a one-line reason when the call fails
     */
    String read(String region, String parameter) {
        SsmClientBuilder builder = SsmClient.builder()
                .region(Region.of(region))
                .httpClient(httpClient)
                .credentialsProvider(credentials)
                .overrideConfiguration(config -> config.apiCallTimeout(CALL_TIMEOUT));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        try (SsmClient client = builder.build()) {
            GetParameterResponse response = client.getParameter(request -> request.name(parameter));
            return response.parameter().value();
        } catch (SsmException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new LookupException((code == null ? "HTTP " + e.statusCode() : code)
                    + (message == null || message.isBlank() ? "" : ": " + firstLine(message)));
        } catch (SdkException e) {
            throw new LookupException(firstLine(e.getMessage()));
        }
    }

    @Override
    public void close() {
        credentials.close();
        httpClient.close();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String stripped = message.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end);
    }

    /** A failed lookup, with a one-line reason for the progress output. */
    static final class LookupException extends RuntimeException {
        LookupException(String message) {
            super(message);
        }
    }
}
