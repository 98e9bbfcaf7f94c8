package fr.passerelle.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web app: its hashed assets cached for a year, and {@code index.html} (never
 * cached) for every other path that is not the API, so the app's own routes survive a reload.
 * The build writes a brotli and a gzip copy beside each file (frontend/vite.config.ts); a
 * browser that accepts one gets it, with {@code Vary: Accept-Encoding}.
 */
@Configuration
class SinglePageApp implements WebMvcConfigurer {
    private static final Resource INDEX = new ClassPathResource("static/index.html");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver());
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String path, Resource location) throws IOException {
                        Resource resource = location.createRelative(path);
                        if (resource.exists() && resource.isReadable()) {
                            return resource;
                        }
                        boolean apiOrFile = path.startsWith("api/")
                                || path.startsWith("actuator/")
                                || path.substring(path.lastIndexOf('/') + 1).contains(".");
                        return apiOrFile || !INDEX.exists() ? null : INDEX;
                    }
                });
    }
}
