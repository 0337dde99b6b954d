plugins {
    kotlin("jvm") version "1.9.24"
    application
}

val ktorVersion = "2.3.11"

repositories {
    mavenCentral()
}

dependencies {
    implementation("io.ktor:ktor-server-core:$ktorVersion")
    implementation("ch.qos.logback:logback-classic:1.5.6")
    testImplementation(kotlin("test"))
    testImplementation("io.mockk:mockk:1.13.11")
}
