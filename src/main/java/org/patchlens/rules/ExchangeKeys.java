package org.patchlens.rules;

/** The Exchange 5.5 parameter keys below the current control set, as several rules read them. */
final class ExchangeKeys {
    static final String SA = "Services\\MSExchangeSA\\Parameters";
    static final String DS = "Services\\MSExchangeDS\\Parameters";
    static final String IS_SYSTEM = "Services\\MSExchangeIS\\ParametersSystem";
    static final String IS_PRIVATE = "Services\\MSExchangeIS\\ParametersPrivate";
    static final String IS_PUBLIC = "Services\\MSExchangeIS\\ParametersPublic";
    static final String MTA = "Services\\MSExchangeMTA\\Parameters";

    private ExchangeKeys() {
    }
}
