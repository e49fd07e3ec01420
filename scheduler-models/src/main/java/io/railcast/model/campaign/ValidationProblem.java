package io.railcast.model.campaign;

/** One thing wrong with a booking: the field at fault, in the API's terms, and what is wrong with it. */
public record ValidationProblem(String field, String message) {}
