/** A small valid opsctl.yaml; tests change it to provoke one problem at a time. */
export const MINIMAL_CONFIG = `project: shop
registry:
  url: registry.example.com:5000/team
services:
  api:
    dockerfile: docker/api/Dockerfile
environments:
  staging:
    droplets:
      static:
        - { name: web-1, host: 10.0.0.5 }
    ssh:
      key: keys/deploy
`;
