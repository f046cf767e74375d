# Search latency over HTTP against a running server: python3 bench/search_http.py [PORT]
# Sequential requests on one keep-alive connection; prints p50/p99/max.
import http.client, time, urllib.parse
queries = ["dang ky khai sinh","so do","bang lai xe bi mat","giay xac nhan doc than","ly lich tu phap","cap lai can cuoc","1.001193","dang ky kinh doanh ho ca the","xin giay phep xay dung","chung thuc ban sao","khai s","hochieu","dang ky thuong tru","tro cap that nghiep","thue thu nhap ca nhan",""]
import sys
port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
c = http.client.HTTPConnection("127.0.0.1", port)
lat = []
for round in range(60):
    for q in queries:
        path = "/api/procedures?" + urllib.parse.urlencode({"q": q})
        t = time.perf_counter(); c.request("GET", path); r = c.getresponse(); body = r.read(); lat.append((time.perf_counter() - t) * 1000)
        assert r.status == 200
lat.sort()
print(f"{len(lat)} requests, one keep-alive connection: p50 {lat[len(lat)//2]:.2f} ms, p99 {lat[int(len(lat)*0.99)]:.2f} ms, max {lat[-1]:.2f} ms")

