#!/usr/bin/env python3
"""Cold start of the Lambda build on the JVM, measured on this machine.

Serves the Lambda Runtime API on the loopback, unpacks target/function.zip (./mvnw package
-Plambda) and starts it the way Lambda's Java runtimes do: AWS' runtime interface client
(com.amazonaws:aws-lambda-java-runtime-interface-client and aws-lambda-java-serialization, copied
to target/lambda-ric first, see below) with the zip's classes and lib/ on the class path, the
handler as its argument, and C1 only (the runtimes' default). It hands the function one API
Gateway HTTP API event, an API key issued through /admin (a write to the database), and prints
the time from the process start to the function's answer. The function needs a migrated database,
given as usual (QUARKUS_DATASOURCE_*); its log goes to target/lambda-cold-start.log. Prints,
asserts nothing; AWS' own sandbox start comes on top.

    ./mvnw package -Plambda -DskipTests
    for a in aws-lambda-java-runtime-interface-client:2.10.1 aws-lambda-java-serialization:1.4.1; do
      ./mvnw -q dependency:copy -Dartifact=com.amazonaws:$a -DoutputDirectory=target/lambda-ric
    done
    python3 src/bench/lambda-cold-start.py
"""
import json
import os
import subprocess
import sys
import threading
import time
import uuid
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from queue import Empty, Queue

PATH = "/admin/api-keys"
HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"
FUNCTION = "target/lambda-function"
RIC = "target/lambda-ric"
ADMIN_TOKEN = uuid.uuid4().hex
events = Queue()
answers = Queue()


def event():
    return {
        "version": "2.0", "routeKey": "$default", "rawPath": PATH, "rawQueryString": "",
        "headers": {"host": "api0.execute-api.eu-west-1.amazonaws.com", "x-admin-token": ADMIN_TOKEN,
                    "content-type": "application/json"},
        "body": json.dumps({"organization_id": "org_coldstart", "user_id": "usr_" + uuid.uuid4().hex[:12],
                            "name": "cold start"}),
        "requestContext": {"http": {"method": "POST", "path": PATH, "protocol": "HTTP/1.1",
                                    "sourceIp": "203.0.113.7", "userAgent": "cold-start"},
                           "requestId": str(uuid.uuid4()), "routeKey": "$default", "stage": "$default"},
        "isBase64Encoded": False,
    }


class RuntimeApi(BaseHTTPRequestHandler):
    def do_GET(self):  # /2018-06-01/runtime/invocation/next
        request_id, body = events.get()
        self.send_response(200)
        self.send_header("Lambda-Runtime-Aws-Request-Id", request_id)
        self.send_header("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 30_000))
        self.send_header("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-1:123456789012:function:f")
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):  # …/invocation/{id}/response, …/{id}/error, /runtime/init/error
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(202)
        self.end_headers()
        answers.put((time.monotonic(), self.path, body))

    def log_message(self, *args):
        pass


def invoke(started):
    events.put((str(uuid.uuid4()), json.dumps(event()).encode()))
    for _ in range(240):
        try:
            at, path, body = answers.get(timeout=0.5)
            break
        except Empty:
            if function.poll() is not None:
                sys.exit("the function exited, see target/lambda-cold-start.log")
    else:
        sys.exit("no answer within 2 minutes, see target/lambda-cold-start.log")
    status = json.loads(body).get("statusCode") if path.endswith("/response") else path
    return at - started, status


server = ThreadingHTTPServer(("127.0.0.1", 0), RuntimeApi)
threading.Thread(target=server.serve_forever, daemon=True).start()
env = dict(os.environ, AWS_LAMBDA_RUNTIME_API=f"127.0.0.1:{server.server_port}", MUSIC_ADMIN_TOKEN=ADMIN_TOKEN)
with zipfile.ZipFile("target/function.zip") as zipped:
    zipped.extractall(FUNCTION)
log = open("target/lambda-cold-start.log", "w")
start = time.monotonic()
function = subprocess.Popen(["java", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-cp",
                             f"{FUNCTION}:{FUNCTION}/lib/*:{RIC}/*", "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                             HANDLER], env=env, stdout=log, stderr=subprocess.STDOUT)
try:
    cold, status = invoke(start)
    print(f"cold start to first answer: {cold:.2f} s (status {status})")
finally:
    function.terminate()
    function.wait(timeout=30)
    server.shutdown()
