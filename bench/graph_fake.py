"""Writes WireMock mappings that make wiremock-standalone a Microsoft Graph fake for bench/sync.sh:

    python3 bench/graph_fake.py <port> <customers> <relationships> <mappings dir>

A token endpoint, <customers> GDAP customers, no contracts, and <relationships> GDAP relationships (one per
customer), each with one active access assignment carrying Security Reader. Pages of 300 with
@odata.nextLink, as Graph pages. The relationships list answers empty until the mapping with the id
NO_RELATIONSHIPS is deleted (DELETE /__admin/mappings/<id>), so one service sees both."""
import json
import os
import sys

PORT, CUSTOMERS, RELATIONSHIPS, OUT = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
BASE = f"http://127.0.0.1:{PORT}"
TOP = 300
SECURITY_READER = "5d6b6bb7-de71-4623-b4af-96380a352509"
NO_RELATIONSHIPS = "00000000-0000-4000-8000-00000000beef"
RELATIONSHIPS_PATH = "/v1.0/tenantRelationships/delegatedAdminRelationships"
os.makedirs(OUT, exist_ok=True)
mappings = []


def tenant(i):
    return f"{i:08x}-0000-4000-8000-{i:012d}"


def customer(i):
    return {"id": tenant(i), "tenantId": tenant(i), "displayName": f"Customer {i} Ltd"}


def relationship(i):
    return {"id": f"{tenant(i)}-rel", "displayName": f"SOC for customer {i}", "status": "active",
            "endDateTime": "2027-06-01T00:00:00Z", "autoExtendDuration": "PT0S",
            "customer": {"tenantId": tenant(i), "displayName": f"Customer {i}"},
            "accessDetails": {"unifiedRoles": [{"roleDefinitionId": SECURITY_READER}]}}


def ok(body):
    return {"status": 200, "headers": {"Content-Type": "application/json"}, "body": json.dumps(body)}


def pages(path, total, item, priority=5):
    for skip in range(0, max(total, 1), TOP):
        body = {"value": [item(i) for i in range(skip + 1, min(total, skip + TOP) + 1)]}
        if skip + TOP < total:
            body["@odata.nextLink"] = f"{BASE}{path}?$top={TOP}&$skiptoken={skip + TOP}"
        query = {"$skiptoken": {"equalTo": str(skip)}} if skip else {"$skiptoken": {"absent": True}}
        mappings.append({"priority": priority, "request": {"method": "GET", "urlPath": path, "queryParameters": query},
                         "response": ok(body)})


mappings.append({"request": {"method": "POST", "urlPathPattern": "/login/.*/oauth2/v2.0/token"},
                 "response": ok({"token_type": "Bearer", "expires_in": 3600, "access_token": "bench-graph-token"})})
mappings.append({"request": {"method": "GET", "urlPath": "/v1.0/contracts"}, "response": ok({"value": []})})
pages("/v1.0/tenantRelationships/delegatedAdminCustomers", CUSTOMERS, customer)
pages(RELATIONSHIPS_PATH, RELATIONSHIPS, relationship)
mappings.append({"id": NO_RELATIONSHIPS, "priority": 1, "request": {"method": "GET", "urlPath": RELATIONSHIPS_PATH},
                 "response": ok({"value": []})})
mappings.append({"request": {"method": "GET", "urlPathPattern": RELATIONSHIPS_PATH + "/[A-Za-z0-9-]+/accessAssignments"},
                 "response": ok({"value": [{"id": "a1", "status": "active",
                                            "accessContainer": {"accessContainerId": "0c8f6a31-1d2e-4b5c-9a7d-3e4f5a6b7c8d",
                                                                "accessContainerType": "securityGroup"},
                                            "accessDetails": {"unifiedRoles": [{"roleDefinitionId": SECURITY_READER}]}}]})})
with open(os.path.join(OUT, "graph.json"), "w") as f:
    json.dump({"mappings": mappings}, f)
