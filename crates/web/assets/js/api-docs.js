// Starts the vendored Swagger UI on /api/docs (external file: the CSP forbids inline scripts).
window.addEventListener("DOMContentLoaded", function () {
  var host = document.getElementById("swagger-ui");
  if (!host || typeof window.SwaggerUIBundle !== "function") return;
  window.SwaggerUIBundle({
    url: host.getAttribute("data-spec"),
    dom_id: "#swagger-ui",
    deepLinking: false,
    validatorUrl: null,
    tryItOutEnabled: true,
  });
});
