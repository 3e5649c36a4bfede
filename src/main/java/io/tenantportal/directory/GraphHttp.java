package io.tenantportal.directory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends one HTTP request to Graph or its token endpoint, with the configured timeouts, and counts it
 * by operation and status. Network failures become {@link DirectoryUnavailableException}.
 */
@ApplicationScoped
class GraphHttp {

    private static final Logger LOG = Logger.getLogger(GraphHttp.class);

    private final GraphConfig config;
    private final MeterRegistry metrics;
    private final HttpClient client;

    @Inject
    GraphHttp(GraphConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpRequest.Builder request(java.net.URI uri) {
        return HttpRequest.newBuilder(uri).timeout(config.readTimeout()).header("Accept", "application/json");
    }

    HttpResponse<byte[]> send(String operation, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            count(operation, Integer.toString(response.statusCode()));
            return response;
        } catch (HttpTimeoutException e) {
            count(operation, "timeout");
            throw unavailable(operation, "timed out");
        } catch (IOException e) {
            count(operation, "io-error");
            throw unavailable(operation, "failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(operation, "was interrupted");
        }
    }

    private DirectoryUnavailableException unavailable(String operation, String what) {
        LOG.warnf("Graph %s %s", operation, what);
        return new DirectoryUnavailableException("Graph " + operation + " " + what, config.breaker().openFor());
    }

    private void count(String operation, String status) {
        metrics.counter("tenantportal.graph.calls", "operation", operation, "status", status).increment();
    }
}
