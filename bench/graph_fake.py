"""A Microsoft Graph fake for bench/sync.sh: a token endpoint, CUSTOMERS GDAP customers, no contracts, and
as many GDAP relationships as the file RELATIONSHIPS_FILE says (read per request, so the bench can switch
them on), each with one active access assignment carrying Security Reader. Pages of $top (at most 300)
with @odata.nextLink, as Graph pages."""
import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PORT, CUSTOMERS, RELATIONSHIPS_FILE = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
BASE = f"http://127.0.0.1:{PORT}"
SECURITY_READER = "5d6b6bb7-de71-4623-b4af-96380a352509"
ASSIGNMENTS = re.compile(r"/v1.0/tenantRelationships/delegatedAdminRelationships/([A-Za-z0-9-]+)/accessAssignments")


def tenant(i):
    return f"{i:08x}-0000-4000-8000-{i:012d}"


def customer(i):
    return {"id": tenant(i), "tenantId": tenant(i), "displayName": f"Customer {i} Ltd"}


def relationship(i):
    return {"id": f"{tenant(i)}-rel", "displayName": f"SOC for customer {i}", "status": "active",
            "endDateTime": "2027-06-01T00:00:00Z", "autoExtendDuration": "PT0S",
            "customer": {"tenantId": tenant(i), "displayName": f"Customer {i}"},
            "accessDetails": {"unifiedRoles": [{"roleDefinitionId": SECURITY_READER}]}}


class Graph(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.answer({"token_type": "Bearer", "expires_in": 3600, "access_token": "bench-graph-token"})

    def page(self, url, total, item):
        query = parse_qs(url.query)
        top = min(300, int(query.get("$top", ["300"])[0]))
        skip = int(query.get("$skiptoken", ["0"])[0])
        body = {"value": [item(i) for i in range(skip + 1, min(total, skip + top) + 1)]}
        if skip + top < total:
            body["@odata.nextLink"] = f"{BASE}{url.path}?$top={top}&$skiptoken={skip + top}"
        self.answer(body)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/v1.0/tenantRelationships/delegatedAdminCustomers":
            self.page(url, CUSTOMERS, customer)
        elif url.path == "/v1.0/tenantRelationships/delegatedAdminRelationships":
            with open(RELATIONSHIPS_FILE) as f:
                self.page(url, int(f.read().strip() or 0), relationship)
        elif ASSIGNMENTS.fullmatch(url.path):
            self.answer({"value": [{"id": "a1", "status": "active",
                                    "accessContainer": {"accessContainerId": "0c8f6a31-1d2e-4b5c-9a7d-3e4f5a6b7c8d",
                                                        "accessContainerType": "securityGroup"},
                                    "accessDetails": {"unifiedRoles": [{"roleDefinitionId": SECURITY_READER}]}}]})
        elif url.path == "/v1.0/contracts":
            self.answer({"value": []})
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Graph).serve_forever()
