package io.github.camelrecurrente.springboot;

import java.util.LinkedHashSet;
import java.util.Set;

import io.github.camelrecurrente.component.RecurrenteConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets {@code application.properties} refer to beans for the component's object options, as camel-spring-boot's
 * starters do: {@code camel.component.recurrente.state-repository = #bean:recurrenteState} (or {@code #name}) binds
 * the Spring bean of that name.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class RecurrenteComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES =
            Set.of(RecurrenteConfiguration.class, IdempotentRepository.class, StateRepository.class);

    private final ApplicationContext applicationContext;

    public RecurrenteComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> answer = new LinkedHashSet<>();
        for (Class<?> type : BEAN_TYPES) {
            answer.add(new ConvertiblePair(String.class, type));
        }
        return answer;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        String name = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
