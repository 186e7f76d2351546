#!/bin/sh
exec /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-native-access=ALL-UNNAMED -cp benchmarks/.cache/duckdb_jdbc-2.0.0.1.jar:benchmarks/.cache/classes DuckQuery benchmarks/.data/gen-100000/AWSLogs "json_extract_string(r,'$.requestParameters.bucketName')='acme-payroll-exports'"
