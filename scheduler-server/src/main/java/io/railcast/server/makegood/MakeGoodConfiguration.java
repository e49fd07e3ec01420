package io.railcast.server.makegood;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the make-goods' settings ({@link MakeGoodProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MakeGoodProperties.class)
class MakeGoodConfiguration {}
