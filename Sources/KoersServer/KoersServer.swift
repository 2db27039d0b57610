/// The web application and JSON API (Hummingbird): ``KoersServices`` holds every operation,
/// ``KoersApplication`` builds the router and runs the server.
public enum KoersServer {}
