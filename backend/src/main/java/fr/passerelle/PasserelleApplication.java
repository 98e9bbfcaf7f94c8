package fr.passerelle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PasserelleApplication {
    public static void main(String[] args) {
        SpringApplication.run(PasserelleApplication.class, args);
    }
}
